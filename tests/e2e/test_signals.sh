#!/bin/sh
# SIGTERM and Ctrl-C end the TUI and restore the terminal: canonical mode, echo,
# and a blocking stdin for the shell that started it.
. "$(dirname "$0")/lib.sh"

start_shell 100 30
type_line "$BIN deadlock & echo PID=\$!; fg"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open"
keys Space
keys C-c
wait_for '^\$ *$' 10 || fail "Ctrl-C did not end the program"
assert_sane_terminal

type_line "clear; $BIN race"
wait_for 'Race condition' 10 || fail "the live view did not open a second time"
pid=$(pgrep -n -f "$BIN race") || fail "cannot find the process"
kill -TERM "$pid"
wait_for '^\$ *$' 10 || fail "SIGTERM did not end the program"
assert_sane_terminal
# fd 0's flags, octal, as the shell's own stdin sees them (O_NONBLOCK is 04000).
type_line "awk '/^flags/ { print \"FLAGS=\" \$2 }' /proc/self/fdinfo/0"
wait_for '^FLAGS=' 10 || fail "cannot read stdin's flags"
flags=$(screen | sed -n 's/^FLAGS=\([0-7]*\).*/\1/p' | tail -n 1)
[ $((flags & 04000)) = 0 ] || fail "stdin left non-blocking after SIGTERM (flags $flags)"
