#!/bin/sh
# Every built-in scenario against real Go 1.19: each scenarios/NAME.go must have
# a golden run (tests/golden/scenario_NAME.cmd) and a record of real Go's
# outcomes (tests/scenarios/NAME.go119, written by record.sh), and interleave's
# default run of it (seed 1, the header's cores) must print one of the outcomes
# real Go printed: the same exit status, first line of stderr and stdout, with
# durations and ratios masked (mask.awk).  A scenario whose header says
# `// output: varies` (what it prints depends on the schedule: counts, orders)
# is compared by shape: every number masked too.  POSIX sh and awk; Go is not
# needed.
#
#   tests/scenarios/run.sh path/to/interleave
set -u
bin=${1:?usage: run.sh path/to/interleave}
here=$(dirname "$0")
root=$here/../..
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

for src in "$root"/scenarios/*.go; do
    name=$(basename "$src" .go)
    rec=$here/$name.go119
    if [ ! -f "$root/tests/golden/scenario_$name.cmd" ]; then
        echo "FAIL $name: no golden run (tests/golden/scenario_$name.cmd)"; fail=$((fail + 1)); continue
    fi
    if [ ! -f "$rec" ]; then
        echo "FAIL $name: no record of real Go (tests/scenarios/record.sh $name)"; fail=$((fail + 1)); continue
    fi
    varies=0
    grep -q '^// output: *varies' "$src" && varies=1
    "$bin" run "$name" > "$tmp/out" 2> "$tmp/err" < /dev/null
    st=$?
    awk -v status=$st -v out="$tmp/out" -v err="$tmp/err" -f "$here/outcome.awk" |
        awk -v numbers=$varies -f "$here/mask.awk" > "$tmp/got"
    # each recorded outcome, masked, into $tmp/want.N
    rm -f "$tmp"/want.*
    awk -v prefix="$tmp/want." '
        /^#/ { next }
        /^outcome / { n++ }
        n { print > (prefix n) }' "$rec"
    found=0
    for w in "$tmp"/want.*; do
        [ -f "$w" ] || continue
        awk -v numbers=$varies -f "$here/mask.awk" "$w" > "$tmp/masked"
        if cmp -s "$tmp/masked" "$tmp/got"; then found=1; break; fi
    done
    if [ $found = 1 ]; then
        pass=$((pass + 1))
    else
        echo "FAIL $name: interleave's default run prints what real Go never did:"
        sed 's/^/    /' "$tmp/got" | head -20
        echo "  real Go (tests/scenarios/$name.go119):"
        grep -v '^#' "$rec" | sed 's/^/    /' | head -20
        fail=$((fail + 1))
    fi
done
for rec in "$here"/*.go119; do
    [ -f "$rec" ] || continue
    name=$(basename "$rec" .go119)
    [ -f "$root/scenarios/$name.go" ] && continue
    echo "FAIL $name: a record of real Go for a scenario that does not exist"; fail=$((fail + 1))
done
echo "scenarios: $pass passed, $fail failed"
[ $fail -eq 0 ]
