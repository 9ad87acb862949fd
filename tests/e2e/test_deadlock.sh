#!/bin/sh
# Open the deadlock scenario at 120x40, play until it stops, and check what a
# person stepping through it must see: the cycle in words and both locks with
# their owner and waiter.  One step back must remove the cycle; q must leave a
# sane terminal behind.
. "$(dirname "$0")/lib.sh"

start_shell 120 40
type_line "$BIN deadlock --seed 1"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open"

keys Space
keys + + + + +
cycle='G2 waits for b\.mu held by G3; G3 waits for a\.mu held by G2'
wait_for "$cycle" 60 || fail "playback did not stop at the deadlock cycle"
wait_for 'deadlock' 5 || fail "no deadlock verdict on screen"
screen > "$WORK/at_deadlock"
grep -Eq 'a\.mu +held by G2 +G3' "$WORK/at_deadlock" || fail "lock table: a.mu should be held by G2 with G3 waiting"
grep -Eq 'b\.mu +held by G3 +G2' "$WORK/at_deadlock" || fail "lock table: b.mu should be held by G3 with G2 waiting"
grep -Eq '■ deadlock' "$WORK/at_deadlock" || fail "the status bar should say playback stopped at the deadlock"

keys Left
wait_gone "$cycle" 10 || fail "stepping back one frame should remove the cycle"

keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
