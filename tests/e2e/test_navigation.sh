#!/bin/sh
# Getting around a run of the deadlock scenario (seed 1, 67 frames):
#   :  jump to frame 50, then to the first frame at or after t=2s (frame 52),
#      bad text says why, Esc cancels;
#   ]  from frame 0 stops at frame 23, where main blocks in wg.Wait, then at
#      frame 34, where G3 goes to sleep; [ goes back to frame 23;
#   b  on line 34 (time.Sleep), the cursor moved there with Down: End stops
#      at frame 32, G3 about to run it, and playing on (past the beat at
#      frame 41) at frame 44, G2.
# Then the help lists the new keys, at 120x40 and 80x24.
. "$(dirname "$0")/lib.sh"

# status_frame: the frame the status bar shows.
status_frame() { screen | sed -n 's/.* frame \([0-9][0-9]*\)\(\/[0-9]*\)\{0,1\} │ t=.*/\1/p'; }

expect_frame() {
    tries=200
    until [ "$(status_frame)" = "$1" ]; do
        tries=$((tries - 1)); [ $tries -gt 0 ] || fail "$2: the status bar should show frame $1, not '$(status_frame)'"
        sleep 0.05
    done
}

jump() {
    keys :
    wait_for '^: .*1234, 1\.5ms, seed 7, cores 4' 5 || fail "':' did not open the prompt"
    $TMUX_CMD send-keys -t main -l "$1"
    keys Enter
    wait_gone '^: ' 5 || fail "Enter did not close the prompt"
}

start_shell 120 40
type_line "$BIN deadlock --seed 1"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open"

# ---- : to a frame, to a time ----
jump 50
expect_frame 50 ":50"
screen | grep -q 'jumped to frame 50' || fail ":50: no word of the jump"
jump 2s
expect_frame 52 ":2s"
screen | grep -q 't=2s: frame 52 is the first at or after it (t=2.00001067s)' || fail ":2s: the notice does not say where it went"
screen | grep -q '│ t=2.00001067s │' || fail ":2s: the status bar does not show the frame's time"
jump 1.5
wait_for '1\.5: a time needs its unit' 5 || fail "bad input is not explained"
expect_frame 52 "bad input"
keys :
wait_for '^: ' 5 || fail "':' did not open the prompt"
$TMUX_CMD send-keys -t main -l 12
keys Escape
wait_gone '^: ' 5 || fail "Esc did not close the prompt"
expect_frame 52 "Esc"

# ---- settings at the prompt: restart with them, back at the same time ----
jump 'cores 1'
wait_for 'restarted on 1 core, seed 1; back at t=2\.00' 20 || fail ":cores 1 did not restart and come back to t=2s"
screen | grep -q 'Deadlock: printSum │ 1 core · ' || fail ":cores 1: the status bar does not say 1 core"
jump 'seed x'
wait_for "seed wants a whole number \(seed 42\), not 'x'" 5 || fail ":seed x is not explained"
jump 'slice 100us'
wait_for 'restarted with a time slice of 100µs \(Go.s is 10ms\); back at t=2\.00' 20 ||
    fail ":slice 100us did not restart and come back"
screen | grep -q 'time slice 100µs' || fail ":slice: the status bar does not show the slice"
jump 'cores 2'
wait_for 'restarted on 2 cores, seed 1; back at' 20 || fail ":cores 2 did not restart"
jump 'slice 10ms'
wait_for 'restarted with a time slice of 10ms' 20 || fail ":slice 10ms did not restart"
jump 2s
expect_frame 52 ":2s again, on the settings the test began with"

# ---- ] and [ ----
keys Home
expect_frame 0 "Home"
keys ']'
wait_for 'next event, frame 23: G1 waits for wg to reach zero' 10 || fail "] did not stop where main blocks"
expect_frame 23 "]"
keys ']'
wait_for 'next event, frame 34: G3 sleeps until' 10 || fail "] did not stop where G3 goes to sleep"
expect_frame 34 "] again"
keys '['
wait_for 'previous event, frame 23: G1 waits for wg' 10 || fail "[ did not go back to frame 23"
expect_frame 23 "["

# ---- a breakpoint on line 34, placed with the cursor ----
keys Home
for i in 1 2 3 4 5 6 7; do keys Down; done       # main's line 27 -> 34
sleep 0.3
r=$(screen | grep -n '^ *34  *time\.Sleep' | cut -d: -f1)
[ -n "$r" ] || fail "line 34 is not in the code pane"
cursor=$(row_sgr $((r - 1)) | style_at $(row $((r - 1)) | display_col 34))
plain=$(row_sgr $((r - 2)) | style_at $(row $((r - 2)) | display_col 33))
[ "$cursor" != "$plain" ] || fail "the cursor does not light line 34's number ($cursor)"
keys b
wait_for 'breakpoint on line 34 \(time\.Sleep\(2 \* time\.Second\)\)' 5 || fail "b did not say it set a breakpoint"
screen | grep -Eq '●34 +time\.Sleep' || fail "line 34 has no breakpoint mark"
keys End
wait_for 'stopped at the breakpoint on line 34: G3 is about to run time\.Sleep' 10 || fail "End did not stop at the breakpoint"
expect_frame 32 "End to the breakpoint"
screen | grep -Eq 'G3▶●34 ' || fail "G3 is not marked on line 34"
keys Space                                  # stops at the scenario's first beat
wait_for 'BEAT 1/3' 20 || fail "playing did not stop at the first beat"
expect_frame 41 "playing to the beat"
keys Space
wait_for 'G2 is about to run time\.Sleep' 20 || fail "playing did not stop at the breakpoint"
expect_frame 44 "playing to the breakpoint"

# ---- the help, at both sizes ----
keys '?'
wait_for 'go to a frame or time; seed/cores/slice/policy' 5 || fail "the help does not list :"
for text in 'next event: block/wake' 'previous event' 'code cursor up a line' 'code cursor down a line' \
            "breakpoint on the cursor's line" 'remove every breakpoint' 'a breakpoint on the line \(b\)'; do
    screen | grep -Eq -- "$text" || fail "the help does not list '$text'"
done
keys x
wait_gone 'any key closes' 5 || fail "a key did not close the help"
$TMUX_CMD resize-window -t main -x 80 -y 24
wait_gone 'time slice 10ms' 5 || fail "the status bar did not shrink to 80 columns"
screen | grep -q '] Next' || fail "the key bar at 80 columns lost ] Next"
keys '?'
wait_for 'page 1 of [0-9]: Space turns' 5 || fail "the help at 80x24 does not say it has pages"
screen | grep -q 'next event: block/wake' || fail "the help's first page at 80x24 lacks ]"
keys Space
wait_for 'page 2 of' 5 || fail "Space did not turn the help's page"
keys x
wait_gone 'Space turns' 5 || fail "a key did not close the help"
keys :
wait_for '^: +1234, 1\.5ms, seed 7' 5 || fail "the prompt does not fit at 80 columns"
keys Escape
wait_gone '^: ' 5 || fail "Esc did not close the prompt"

keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
