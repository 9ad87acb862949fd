#!/bin/sh
# The race detector against real Go 1.19's -race: every tests/race/NAME.go
# runs as `interleave run NAME.go --race`, and must race if and only if real
# Go's did (expect.txt, written by record.sh), end with the same exit status,
# and print what real Go printed (NAME.stdout, where real Go's stdout was the
# same in every run).  The number of reports may differ: Go's detector also
# folds reports of one address, interleave folds by pair of lines only.
# POSIX sh; Go is not needed.
#
#   tests/race/run.sh path/to/interleave        (VERBOSE=1 lists the passes)
set -u
bin=${1:?usage: run.sh path/to/interleave}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
limit=
if command -v timeout > /dev/null 2>&1; then limit="timeout 60"; fi
pass=0 fail=0

for src in "$here"/*.go; do
    name=$(basename "$src" .go)
    line=$(grep "^$name " "$here/expect.txt")
    if [ -z "$line" ]; then
        echo "FAIL $name: not in expect.txt (tests/race/record.sh writes it)"; fail=$((fail + 1)); continue
    fi
    want_k=$(echo "$line" | sed -n 's/.* races=\([0-9]*\).*/\1/p')
    want_s=$(echo "$line" | sed -n 's/.* exit=\([0-9]*\).*/\1/p')
    $limit "$bin" run "$src" --race > "$tmp/out" 2> "$tmp/err" < /dev/null
    st=$?
    k=$(grep -c 'WARNING: DATA RACE' "$tmp/err")
    why=
    if [ "$want_k" -gt 0 ] && [ "$k" = 0 ]; then why="no race reported; real Go reported $want_k"; fi
    if [ "$want_k" = 0 ] && [ "$k" -gt 0 ]; then why="$k race(s) reported; real Go reported none"; fi
    if [ "$st" != "$want_s" ]; then why="${why:+$why; }exit status $st, real Go's $want_s"; fi
    if [ -f "$here/$name.stdout" ] && ! cmp -s "$here/$name.stdout" "$tmp/out"; then
        why="${why:+$why; }stdout differs from real Go's"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
        [ -z "${VERBOSE:-}" ] || echo "ok   $name (races $k, real Go $want_k; exit $st)"
    else
        fail=$((fail + 1))
        echo "FAIL $name: $why"
        [ ! -f "$here/$name.stdout" ] || diff "$here/$name.stdout" "$tmp/out" | grep '^[<>]' | head -5 | sed 's/^/    /'
        head -20 "$tmp/err" | sed 's/^/    /'
    fi
done
echo "race: $pass passed, $fail failed"
[ $fail = 0 ]
