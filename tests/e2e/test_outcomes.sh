#!/bin/sh
# o surveys the open program (seeds 1..100 on 1, 2 and 4 cores) in the
# background and lists its outcomes; Enter replays the chosen one's witness,
# which then plays to that outcome.
. "$(dirname "$0")/lib.sh"

start_shell 120 40
type_line "$BIN race"
wait_for 'race\.go' 10 || fail "the live view did not open"
keys o
wait_for '300 runs' 10 || fail "o did not open the outcomes"
wait_for 'the value is 0\.' 60 || fail "the survey did not list the common outcome"
screen | grep -q '(nothing printed) .*seed 2, 4 cores' || fail "the rarer outcome (nothing printed, on 4 cores) is missing"
keys Down Enter
wait_for 'seed 2 on 4 cores' 10 || fail "Enter did not replay the witness"
wait_gone 'Outcomes' 5 || fail "the overlay did not close"
keys G
wait_for 'exited with status 0' 30 || fail "the witness did not run to its end"
screen | grep -q 'nothing printed yet' || fail "the witness of 'nothing printed' printed something"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
