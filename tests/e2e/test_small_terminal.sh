#!/bin/sh
# A terminal below 80x24 gets a message, not a crash; growing it brings the view
# back (SIGWINCH is handled), and monochrome terminals work (TERM=vt100, NO_COLOR).
. "$(dirname "$0")/lib.sh"

start_shell 60 20
type_line "NO_COLOR=1 TERM=vt100 $BIN deadlock"
wait_for 'terminal too small \(need 80x24, have 60x20\)' 10 || fail "no too-small message at 60x20"
$TMUX_CMD resize-window -t main -x 100 -y 30
wait_for 'Deadlock: printSum' 10 || fail "the view did not come back after the resize"
keys l l l
wait_for 'frame 3' 10 || fail "stepping does not work after the resize"
$TMUX_CMD resize-window -t main -x 70 -y 30
wait_for 'terminal too small \(need 80x24, have 70x30\)' 10 || fail "no too-small message after shrinking"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
