#!/bin/sh
# Record what real Go 1.19's race detector says of each tests/race/*.go:
# tests/race/expect.txt and tests/race/NAME.stdout.  Needs Go (Debian's
# golang-1.19-go); run.sh and CI only read the records.
#
#   tests/race/record.sh          (every tests/race/*.go; rewrites expect.txt)
#
# Each program is built once with -race and run RUNS times (5) with
# GOMAXPROCS=2 in an empty directory.  expect.txt gets one line per program,
# `NAME races=K exit=S`: K is the most "WARNING: DATA RACE" reports of a run,
# S the exit status of most runs; a comment above the line says when the runs
# disagreed.  NAME.stdout is written when every run printed the same, and
# removed when they did not, so run.sh compares stdout only where it is fixed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
RUNS=${RUNS:-5}
GO=${GO:-/usr/lib/go-1.19/bin/go}
command -v "$GO" > /dev/null 2>&1 || { echo "record.sh: no Go at $GO (apt-get install golang-1.19-go)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOCACHE="${GOCACHE:-$tmp/gocache}" GO111MODULE=off
out=$tmp/expect.txt
{
    echo "# real Go's -race on each tests/race program: NAME races=K exit=S"
    echo "# (tests/race/record.sh: $RUNS runs each with GOMAXPROCS=2; K the most reports of a run)"
    echo "# $("$GO" version | sed 's/^go version //'); $(date -u '+%Y-%m-%d')"
} > "$out"
for src in "$here"/*.go; do
    name=$(basename "$src" .go)
    "$GO" build -race -o "$tmp/prog" "$src" || exit 1
    : > "$tmp/races"; : > "$tmp/exits"
    rm -f "$tmp"/stdout.*
    i=0
    while [ $i -lt "$RUNS" ]; do
        i=$((i + 1))
        rm -rf "$tmp/cwd"; mkdir "$tmp/cwd"
        (cd "$tmp/cwd" && GOMAXPROCS=2 timeout 60 "$tmp/prog" > "$tmp/stdout.$i" 2> "$tmp/err" < /dev/null)
        echo $? >> "$tmp/exits"
        grep -c 'WARNING: DATA RACE' "$tmp/err" >> "$tmp/races"
    done
    k=$(sort -n "$tmp/races" | tail -1)
    s=$(sort "$tmp/exits" | uniq -c | sort -rn | awk 'NR == 1 { print $2 }')
    if [ "$(sort -u "$tmp/races" | wc -l)" -gt 1 ] || [ "$(sort -u "$tmp/exits" | wc -l)" -gt 1 ]; then
        echo "# $name: runs disagree: races $(tr '\n' ' ' < "$tmp/races")exits $(tr '\n' ' ' < "$tmp/exits")" >> "$out"
    fi
    echo "$name races=$k exit=$s" >> "$out"
    same=1 j=2
    while [ $j -le "$RUNS" ]; do
        cmp -s "$tmp/stdout.1" "$tmp/stdout.$j" || same=0
        j=$((j + 1))
    done
    if [ $same = 1 ]; then
        cp "$tmp/stdout.1" "$here/$name.stdout"
    else
        rm -f "$here/$name.stdout"
        echo "$name: stdout differs between runs, not recorded" >&2
    fi
    echo "$name races=$k exit=$s"
done
cp "$out" "$here/expect.txt"
