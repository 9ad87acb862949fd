#!/bin/sh
# Golden runs: every case tests/golden/NAME.cmd is a command line for interleave
# (run with the environment words of NAME.env, if there is one);
# NAME.stdout, NAME.stderr and NAME.status are what it must print and return,
# byte for byte.  NAME.go119 (optional) is what real Go 1.19 printed on stderr for
# the same program: its fatal error and goroutine headers must match ours after
# both are reduced to their Go-visible shape (see go_shape below).
# Every built-in scenario must have at least one case.
# Usage: tests/golden/run.sh path/to/interleave   (from the repository root)
set -u
bin=${1:?usage: run.sh path/to/interleave}
dir=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# The parts of a Go traceback a reader compares: the fatal line, goroutine headers
# with ids renumbered in order, main's frames with their file:line, "created by".
# Runtime and sync frames, argument values, paths and pc offsets differ by design.
# A race report (go run -race) the same way: its banner lines, each access's
# kind and goroutine (renumbered; addresses dropped), main's frames, "Goroutine
# N (state) created at:" and the count at the end.
go_shape() {
    awk '
    function gid(id) { if (!(id in num)) num[id] = ++n; return "#" num[id] }
    /^fatal error:|^panic:|^WARNING: DATA RACE|^==================|^Found [0-9]+ data race/ { print; next }
    /^goroutine [0-9]+ \[/ { n++; sub(/^goroutine [0-9]+/, "goroutine #" n); print; keep = 0; next }
    /^(Previous )?([Aa]tomic )?([Rr]ead|[Ww]rite) at 0x[0-9a-f]+ by / {
        line = $0; sub(/ at 0x[0-9a-f]+ by /, " by ", line)
        if (match(line, /goroutine [0-9]+/)) line = substr(line, 1, RSTART + 9) gid(substr(line, RSTART + 10, RLENGTH - 10)) substr(line, RSTART + RLENGTH)
        print line; keep = 0; next }
    /^Goroutine [0-9]+ \((running|finished)\) created at:/ {
        id = $2; line = $0; sub(/^Goroutine [0-9]+/, "Goroutine " gid(id), line); print line; next }
    /^ *(main\.|created by main)/ { fn = $0; sub(/^ */, "", fn); sub(/\([^()]*\)$/, "", fn); print fn; keep = 1; next }
    /^(\t| +)[^ ]+:[0-9]+/ { if (keep) { loc = $1; sub(/.*\//, "", loc); print "\t" loc } keep = 0; next }
    { keep = 0 }' "$1"
}

for cmd in "$dir"/*.cmd; do
    name=$(basename "$cmd" .cmd)
    # NAME.env (optional): NAME=VALUE words for the environment of the run
    envs=
    [ -f "$dir/$name.env" ] && envs=$(cat "$dir/$name.env")
    # shellcheck disable=SC2046,SC2086
    env $envs $bin $(cat "$cmd") > "$tmp/out" 2> "$tmp/err" < /dev/null
    echo $? > "$tmp/status"
    ok=1
    for part in stdout stderr status; do
        case $part in stdout) got=$tmp/out ;; stderr) got=$tmp/err ;; *) got=$tmp/status ;; esac
        if ! cmp -s "$dir/$name.$part" "$got"; then
            echo "FAIL $name: $part differs (expected vs got):"
            diff "$dir/$name.$part" "$got" | head -20
            ok=0
        fi
    done
    if [ -f "$dir/$name.go119" ]; then
        go_shape "$dir/$name.go119" > "$tmp/go_shape"
        go_shape "$tmp/err" > "$tmp/our_shape"
        if ! cmp -s "$tmp/go_shape" "$tmp/our_shape"; then
            echo "FAIL $name: traceback shape differs from real Go 1.19 (Go vs ours):"
            diff "$tmp/go_shape" "$tmp/our_shape" | head -20
            ok=0
        fi
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); fi
done

for sc in scenarios/*.go; do
    s=$(basename "$sc" .go)
    if ! grep -lqs "^run $s\b" "$dir"/*.cmd; then
        echo "FAIL scenario $s has no golden case in $dir"
        fail=$((fail + 1))
    fi
done

echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
