#!/bin/sh
# A terminal below 80x24 gets a message, not a crash; growing it brings the view
# back (SIGWINCH is handled), and monochrome terminals work (TERM=vt100, NO_COLOR);
# at 80x24 a code line cut at the pane's edge ends in a mark.
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

# At 80x24 a source line longer than the code pane ends in a mark, not a cut.
$TMUX_CMD resize-window -t main -x 80 -y 24
type_line "clear; $BIN starvation"
wait_for 'starvation\.go' 10 || fail "the starvation scenario did not open at 80x24"
wait_for '^ +31 +var wg sync\.WaitGroup' 10 || fail "the code does not show line 31 at 80x24"
screen | grep -Eq '^ +33 +const runtime = 50 \* time\.M?…│' || fail "line 33, cut at the pane's edge, should end in …"
screen | grep -Eq '^ +31 +var wg sync\.WaitGroup +│' || fail "line 31 fits and should have no mark"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
