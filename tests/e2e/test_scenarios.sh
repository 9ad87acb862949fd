#!/bin/sh
# Every built-in scenario and variant, as a lecturer opens it: `.` runs to its
# first beat, and the screen must show that beat's caption in the notice line
# and the moment itself (the table below: what a learner must be able to see
# at that beat: the lost update, the cycle, the M in a system call, ...).
. "$(dirname "$0")/lib.sh"

# NAME<TAB>extended regex the screen must match at the first beat
moments() {
    cat <<'TABLE'
race	G2 +runnable
race-nosleep	G2 +runnable
atomicity	G1 +waiting.*wg
atomicity-atomic	G1 +waiting.*wg
atomicity-mutex	G1 +waiting.*wg
critical-section	G2 +runnable
deadlock	a\.mu +held by G2
deadlock-ordered	a\.mu +held by G3
channels	G1 +waiting.*chan receive on squa
channels-buffered	numbers +1/3 buffered +\[2\]
select	c1
server	G2 +waiting.*IO wait
server-pool	G2 +waiting.*chan receive on c
livelock	cadence +2 waiting +G4 G3
starvation	sharedLock +held by G3 +G2
parallelism	G1 +running +0 +53 main
parallelism-1core	G1 +running +0 +52 main
threads	G3 +syscall
TABLE
}

root=$(cd "$(dirname "$0")/../.." && pwd)
start_shell 120 40
for src in "$root"/scenarios/*.go; do
    name=$(basename "$src" .go)
    first=$(sed -n 's|^// beat: *||p' "$src" | head -1)
    [ -n "$first" ] || fail "$name has no beats (// beat: lines)"
    nbeats=$(grep -c '^// beat:' "$src")
    # the caption: after the pattern's ": " (quotes may hold a colon)
    caption=$(printf '%s\n' "$first" | awk '{
        s = $0; q = 0
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == "\"") q = !q
            else if (!q && c == ":" && substr(s, i + 1, 1) == " ") { print substr(s, i + 2); exit }
        }}')
    want=$(printf '%s' "$caption" | cut -c1-40 | sed 's/[][\.*^$+?(){}|/]/\\&/g')
    type_line "$BIN $name"
    wait_for "$name\\.go" 10 || fail "$name: the live view did not open"
    keys .
    wait_for "BEAT 1/$nbeats" 60 || fail "$name: . did not reach the first beat"
    wait_for "$want" 5 || fail "$name: the first beat's caption is not on screen: $caption"
    moment=$(moments | awk -F '\t' -v n="$name" '$1 == n { print $2 }')
    [ -n "$moment" ] || fail "$name: no moment to check in tests/e2e/test_scenarios.sh"
    screen | grep -Eq -- "$moment" || fail "$name: at the first beat the screen should show /$moment/"
    keys q
    wait_for '^\$ *$' 10 || fail "$name: q did not return to the shell"
    type_line clear
done
assert_sane_terminal
