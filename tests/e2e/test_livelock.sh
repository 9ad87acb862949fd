#!/bin/sh
# The hallway as a learner plays it: after the lesson's first beats, playing
# on stops by itself when the walkers' steps have come round to the same
# state three times with nothing printed, finished or passed, and the notice
# says who repeats what and since when; the run then goes on to the beat
# where both give up.
. "$(dirname "$0")/lib.sh"

start_shell 160 40
type_line "$BIN livelock"
wait_for 'livelock\.go' 10 || fail "the live view did not open"
for i in 1 2 3; do
    keys .
    wait_for "BEAT $i/4" 60 || fail "did not reach beat $i"
done
keys + + + +
keys Space
wait_for 'paused: livelock' 60 || fail "playing on did not stop at the livelock"
screen | grep -Eq 'paused: livelock — G3 and G4 repeat the same steps since frame [0-9]+ \([0-9]+ rounds\): left and right change and change back' ||
    fail "the livelock is not said in words"
screen | grep -q 'BEAT 4/4' && fail "it stopped at the last beat, not at the livelock"
keys Space
wait_for 'BEAT 4/4' 60 || fail "playing on from the livelock did not reach the last beat"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
