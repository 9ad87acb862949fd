#!/bin/sh
# Open the deadlock scenario at 120x40, play until it stops, and check what a
# person stepping through it must see: the cycle in words and both locks with
# their owner and waiter.  The verdict comes when the last thread gives up
# looking for work, a frame or two after the last goroutine blocked: a few
# steps back must show the world before the cycle; q must leave a sane
# terminal behind.
. "$(dirname "$0")/lib.sh"

start_shell 120 40
type_line "$BIN deadlock --seed 1"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open"

keys + + + + +
cycle='G2 waits for b\.mu held by G3; G3 waits for a\.mu held by G2'
# Playback stops at each of the scenario's beats (the last one where the
# cycle closes), then at the verdict.
found=0
for i in 1 2 3 4 5 6; do
    at=$(screen | grep -o 'frame [0-9]* │' | tail -1)
    keys Space
    # stopped again, at another frame
    tries=600
    until screen | grep -Eq '‖ paused|■ deadlock' && ! screen | grep -q "$at"; do
        tries=$((tries - 1)); [ $tries -gt 0 ] || fail "playback did not stop after $at"; sleep 0.05
    done
    if screen | grep -q '■ deadlock'; then found=1; break; fi
done
[ $found = 1 ] || fail "playback did not stop at the deadlock"
wait_for 'deadlock' 5 || fail "no deadlock verdict on screen"
screen > "$WORK/at_deadlock"
grep -Eq 'a\.mu +held by G2 +G3' "$WORK/at_deadlock" || fail "lock table: a.mu should be held by G2 with G3 waiting"
grep -Eq 'b\.mu +held by G3 +G2' "$WORK/at_deadlock" || fail "lock table: b.mu should be held by G3 with G2 waiting"
grep -Eq '■ deadlock' "$WORK/at_deadlock" || fail "the status bar should say playback stopped at the deadlock"

gone=0
for i in 1 2 3 4; do
    keys Left
    if wait_gone "$cycle" 2; then gone=1; break; fi
done
[ $gone = 1 ] || fail "four steps back should reach the world before the cycle"

keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
