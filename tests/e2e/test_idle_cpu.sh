#!/bin/sh
# Zero CPU when idle: while paused the TUI sleeps in libuv (no timer, no idle
# handle).  utime+stime of the process must not move over three seconds paused.
# Waiting here is the measurement itself, not a way around a race.
. "$(dirname "$0")/lib.sh"

start_shell 100 30
type_line "$BIN deadlock"
wait_for 'paused' 10 || fail "the live view did not open paused"
pid=$(pgrep -n -f "$BIN deadlock") || fail "cannot find the process"
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
before=$(ticks)
sleep 3
after=$(ticks)
[ "$before" = "$after" ] || fail "used $((after - before)) CPU ticks in 3 s while paused"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
