#!/bin/sh
# The screens in the README are what the program shows today
# (tests/e2e/readme_screens.sh renders them; --update rewrites the README).
set -u
sh "$(dirname "$0")/readme_screens.sh" "$BIN" || { echo "FAIL ${TEST_NAME:-readme}: run tests/e2e/readme_screens.sh ./interleave --update"; exit 1; }
