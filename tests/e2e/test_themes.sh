#!/bin/sh
# At 100 columns the key bar keeps Seed, Notes and Theme.  Each colour
# theme paints its own background, so it reads the same on a
# light terminal and on a dark one; t says which theme it chose; mono and
# NO_COLOR keep the terminal's own colours.
. "$(dirname "$0")/lib.sh"

# paper LINE: the 256-colour backgrounds the screen's line LINE uses
paper() { $TMUX_CMD capture-pane -p -e -t main | sed -n "$1p" | grep -o '48;5;[0-9]*' | sort -u | tr '\n' ' '; }

start_shell 100 30
type_line "$BIN deadlock"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open"
line=$(screen | grep -n 'package main' | head -1 | cut -d: -f1)
[ -n "$line" ] || fail "no code line on screen"
case "$(paper "$line")" in *'48;5;234'*) ;; *) fail "the dark theme does not paint its background: $(paper "$line")" ;; esac
# a lecturer's keys stay on the key bar at 100 columns
for item in 'Space Play' '←/→ Step' '+/- Speed' 's Seed' 'n Notes' 't Theme' 'q Quit'; do
    screen | tail -1 | grep -qF "$item" || fail "the key bar at 100 columns lacks '$item'"
done

keys t
wait_for 'theme: light \(t: the next one; INTERLEAVE_THEME=light starts with it\)' 5 || fail "t did not say it chose light"
case "$(paper "$line")" in *'48;5;231'*) ;; *) fail "the light theme does not paint its background: $(paper "$line")" ;; esac
keys t
wait_for 'theme: mono' 5 || fail "t did not say it chose mono"
[ -z "$(paper "$line")" ] || fail "mono should keep the terminal's colours: $(paper "$line")"
keys t
wait_for 'theme: projector' 5 || fail "t did not say it chose projector"
case "$(paper "$line")" in *'48;5;16'*) ;; *) fail "the projector theme does not paint its background: $(paper "$line")" ;; esac
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"

type_line "clear; NO_COLOR=1 $BIN deadlock"
wait_for 'Deadlock: printSum' 10 || fail "the live view did not open with NO_COLOR"
line=$(screen | grep -n 'package main' | head -1 | cut -d: -f1)
[ -z "$(paper "$line")" ] || fail "NO_COLOR should paint no background: $(paper "$line")"
keys t
wait_for 'theme: light, in monochrome here' 5 || fail "t under NO_COLOR should say the theme shows in monochrome"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
