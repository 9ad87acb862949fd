#!/bin/sh
# The atomicity lesson as a learner meets the lost update: at the beat where
# G3 reads counter just after G5, playing on stops at the first lost update;
# the event line says it in words, the Memory pane shows counter and its last
# store, and the timeline and code carry the data race's marks.
. "$(dirname "$0")/lib.sh"

start_shell 120 40
type_line "$BIN atomicity"
wait_for 'atomicity\.go' 10 || fail "the live view did not open"
for i in 1 2 3; do
    keys .
    wait_for "BEAT $i/4" 60 || fail "did not reach beat $i"
done
keys Space
wait_for 'LOST UPDATE' 30 || fail "playing on did not stop at the lost update"
screen | grep -Eq 'G[0-9]+ stores counter = [0-9]+; G[0-9]+.s store of [0-9]+ at frame [0-9]+ is overwritten' ||
    fail "the lost update is not said in words"
screen | grep -q 'paused at the first lost update' || fail "no word on why it stopped"
screen | grep -Eq 'Memory .* 1 shared' || fail "no Memory pane"
screen | grep -Eq 'counter +[0-9]+ +G[0-9]+ at frame [0-9]+' || fail "the Memory pane does not show counter and its last store"
# one step back, the Memory pane's last store is the earlier one, which the
# lost update overwrote
at=$(screen | sed -n 's/.*counter  *[0-9][0-9]*  *G[0-9][0-9]* at frame \([0-9][0-9]*\).*/\1/p' | head -1)
keys Left
wait_gone 'LOST UPDATE' 5 || fail "a step back still shows the lost update"
was=$(screen | sed -n 's/.*counter  *[0-9][0-9]*  *G[0-9][0-9]* at frame \([0-9][0-9]*\).*/\1/p' | head -1)
[ -n "$at" ] && [ -n "$was" ] && [ "$was" -lt "$at" ] ||
    fail "stepping back should show the earlier last store (was '$was', then '$at')"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
