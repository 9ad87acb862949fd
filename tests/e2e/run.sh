#!/bin/sh
# Runs every tmux end-to-end test (tests/e2e/test_*.sh) against the given binary.
# Usage: tests/e2e/run.sh path/to/interleave
set -u
bin=$(cd "$(dirname "${1:?usage: run.sh path/to/interleave}")" && pwd)/$(basename "$1")
pass=0 fail=0
for t in "$(dirname "$0")"/test_*.sh; do
    name=$(basename "$t" .sh)
    if BIN=$bin TEST_NAME=$name sh "$t"; then
        echo "ok   $name"; pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
done
echo "e2e: $pass passed, $fail failed"
[ $fail = 0 ]
