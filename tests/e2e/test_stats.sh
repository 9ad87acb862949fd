#!/bin/sh
# S shows CPU and lock time per goroutine: on the starvation scenario played
# to its end, both workers with their lock counts and the fairness index.
. "$(dirname "$0")/lib.sh"

start_shell 120 40
type_line "$BIN starvation"
wait_for 'starvation\.go' 10 || fail "the live view did not open"
keys G
wait_for 'exited with status 0' 120 || fail "End did not reach the end of the run"
keys S
wait_for 'Stats, frames 1\.\.' 10 || fail "S did not open the stats"
screen | grep -Eq 'G2 +main\.func1 .* 50001 ' || fail "the greedy worker's 50001 acquisitions are not shown"
screen | grep -Eq 'G3 +main\.func2 .* 77565 ' || fail "the polite worker's 77565 acquisitions are not shown"
screen | grep -q "Jain's fairness index" || fail "no fairness index"
keys x
wait_gone 'Stats, frames' 5 || fail "a key did not close the stats"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
