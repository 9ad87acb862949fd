#!/bin/sh
# A data race as the screen must show it: tests/race/sleep_racy.go, where G2
# writes data (line 15) and main reads it after a sleep (line 18) with nothing
# ordering the two.  Playing stops at main's read; the notice says why, the
# event line names both accesses, the code marks each on its own line, and
# the timeline draws the two accesses' cells (G2's write, G1's read) in the
# race's colour while their neighbours keep the goroutine's own.  Checked at
# 120x40 and again at 80x24.
. "$(dirname "$0")/lib.sh"

PROG=$(cd "$(dirname "$0")/../race" && pwd)/sleep_racy.go
CELL_W=3            # "G1 ": fewer than ten goroutines

# ruler_mark: "COLUMN FRAME" of the first frame number the ruler prints over
# its cell (every tenth frame; the current one, after ▼, is not counted).
ruler_mark() {
    row 1 | LC_ALL=C awk "$AWK_UTF8"'{ x = 0; n = length($0)
        for (i = 2; i <= n; i++) {
            c = substr($0, i, 1)
            if (c ~ /[0-9]/ && substr($0, i - 1, 1) == " ") {
                num = substr($0, i); sub(/[^0-9].*/, "", num); print x + 1, num; exit
            }
            if (lead(substr($0, i - 1, 1))) x++
        } }'
}

# lane_of F G: the screen row of the core lane where goroutine G ran frame F.
lane_of() {
    set -- "$1" "$2" $(ruler_mark)
    col=$(($3 + ($1 - $4) * CELL_W))
    for r in 2 3; do
        cell=$(row $r | LC_ALL=C awk -v col=$col "$AWK_UTF8"'{ x = 0
            for (i = 1; i <= length($0); i++) { c = substr($0, i, 1)
                if (lead(c)) { if (x == col) { s = substr($0, i); sub(/ .*/, "", s); print s; exit } x++ } } }')
        [ "$cell" = "$2" ] && { echo "$r $col"; return 0; }
    done
    return 1
}

check_marks() {
    size=$1
    screen | grep -q 'paused at a data race: both accesses are marked RACE in the code' ||
        fail "$size: the notice does not say playback paused at a data race"
    screen | grep -q '‖ paused' || fail "$size: the status bar does not say paused"
    screen | grep -Eq 'DATA RACE +G1 reads data \(line 18\); G2 wrote it at line 15 \(frame 14\)' ||
        fail "$size: the event line does not name both accesses"
    # each access marked on its own line of code, and no other line marked
    screen | grep -Eq '^ +15 +data = 42 .*RACE G2 write' || fail "$size: line 15 (G2's write) is not marked RACE"
    screen | grep -Eq '^ +G1▶ +18 +fmt\.Println\(.*RACE G1 read' || fail "$size: line 18 (G1's read) is not marked RACE"
    [ "$(screen | grep -c 'RACE G[0-9]')" = 2 ] || fail "$size: RACE marks on other lines than 15 and 18"
    # the race's colour is the code mark's; the timeline draws both accesses in it
    tag=$(screen | grep -n 'RACE G2 write' | cut -d: -f1)
    race=$(row_sgr $((tag - 1)) | style_at $(row $((tag - 1)) | display_col 'RACE G2 write'))
    case $race in *bg=-*|none) fail "$size: the RACE mark has no colour of its own ($race)";; esac
    now=$(screen | sed -n 's/.* frame \([0-9][0-9]*\) │ t=.*/\1/p')
    [ "$now" = 27 ] || fail "$size: expected to stop at frame 27, the status says '$now'"
    for access in "14 G2" "27 G1"; do
        set -- $access
        at=$(lane_of $1 $2) || fail "$size: no $2 cell at frame $1 on the timeline"
        set -- $1 $2 $at
        got=$(row_sgr $3 | style_at $4)
        [ "${got% bold}" = "${race% bold}" ] ||
            fail "$size: $2's access at frame $1 is not in the race's colour ($got, the mark is $race)"
        before=$(row_sgr $3 | style_at $(($4 - CELL_W)))
        [ "${before% bold}" != "${race% bold}" ] ||
            fail "$size: $2's cell before frame $1 is in the race's colour too"
    done
}

start_shell 120 40
type_line "$BIN $PROG"
# (the command line names the file too: wait for the status bar)
wait_for '^ sleep_racy │' 10 || fail "the live view did not open"
keys + + + +
keys Space
wait_for 'paused at a data race' 30 || fail "playing did not stop at the data race"
check_marks 120x40
$TMUX_CMD resize-window -t main -x 80 -y 24
wait_gone 'time slice 10ms' 5 || fail "the status bar did not shrink to 80 columns"
check_marks 80x24
# one step on, the race's frame is behind: no marks in the code, no pause notice
keys Right
wait_gone 'RACE G[0-9]' 5 || fail "the RACE marks stay after a step past the race"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
