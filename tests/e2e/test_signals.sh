#!/bin/sh
# SIGTERM and Ctrl-C end the TUI and restore the terminal: canonical mode, echo,
# and a blocking stdin for the shell that started it.
. "$(dirname "$0")/lib.sh"

# keypad_off: the terminal's keypad is back in normal mode (curses had
# turned on application mode, in which arrows send other codes).
keypad_off() {
    [ "$($TMUX_CMD display -p -t main '#{keypad_flag}#{keypad_cursor_flag}')" = 00 ] ||
        fail "$1 left the keypad in application mode"
}

start_shell 100 30
type_line "$BIN deadlock & echo PID=\$!; fg; echo STATUS=\$?"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open"
keys Space
keys C-c
wait_for '^STATUS=' 10 || fail "Ctrl-C did not end the program"
screen | grep -q '^STATUS=130' || fail "Ctrl-C should end it with status 130, as a shell reports SIGINT"
assert_sane_terminal
keypad_off "Ctrl-C"

# Signals the event loop does not take: the terminal is restored all the same
# and the process dies of the signal (Ctrl-\ is SIGQUIT: 131).
type_line "clear; $BIN deadlock; echo STATUS=\$?"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open for Ctrl-\\"
keys 'C-\'
wait_for '^STATUS=131' 10 || fail "Ctrl-\\ should end it with status 131"
assert_sane_terminal
keypad_off "Ctrl-\\"
type_line "clear; $BIN deadlock; echo STATUS=\$?"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open for SIGUSR1"
pid=$(pgrep -n -f "$BIN deadlock") || fail "cannot find the process"
kill -USR1 "$pid"
wait_for '^STATUS=138' 10 || fail "SIGUSR1 should end it with status 138"
assert_sane_terminal
keypad_off "SIGUSR1"

# A terminal that cannot move the cursor gets a sentence, not garbage.
type_line "clear; TERM=dumb $BIN race; echo STATUS=\$?"
wait_for '^STATUS=' 10 || fail "TERM=dumb did not return"
screen | grep -q "the terminal 'dumb' cannot move the cursor" || fail "TERM=dumb should be told why"
screen | grep -q '^STATUS=1' || fail "TERM=dumb should exit with status 1"

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
