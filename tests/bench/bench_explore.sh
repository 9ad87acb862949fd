#!/bin/sh
# The explorer's speed on the racy counter (tests/bench/racy_counter.go) at
# 2 x 2, 3 x 3 and 4 x 3 goroutines x increments: outcomes, states searched,
# seconds and states per second, then 3 x 3 without the reduction (what
# not interleaving goroutine-local steps saves).  Prints figures, never
# pass/fail (the outcome sets are tests/test_explore.c's to check).
set -u
bin=${1:?usage: bench_explore.sh path/to/interleave}
dir=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() {     # run NAME G N [OPTIONS...]
    name=$1 g=$2 n=$3
    shift 3
    sed -e "s/^const G = .*/const G = $g/" -e "s/^const N = .*/const N = $n/" \
        "$dir/racy_counter.go" > "$tmp/racy_${g}x$n.go"
    "$bin" explore "$tmp/racy_${g}x$n.go" "$@" > "$tmp/out" 2>/dev/null
    finals=$(awk '/^  ends/ { t = 1; next } /^witnesses/ { t = 0 } t { print $3 }' "$tmp/out" | sort -n | paste -sd, -)
    states=$(awk '/^states:/ { print $2 }' "$tmp/out")
    time=$(awk '/^time:/ { print $2, "s,", $4, "states/s" }' "$tmp/out")
    echo "explore $name: finals {$finals}, $states states, $time"
}
run "racy counter 2x2" 2 2
run "racy counter 3x3" 3 3
run "racy counter 4x3" 4 3
run "racy counter 3x3 --no-reduce" 3 3 --no-reduce
