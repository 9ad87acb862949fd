#!/bin/sh
# The analyses' findings over every program we have.  Each tests/go program,
# each scenario and each tests/analyses program runs three ways (seed 1 on
# its own cores, seed 2 on 1 core, seed 3 on 4 cores) as
# `interleave run FILE --report`, and the findings it prints (deadlocks,
# partial ones included, and livelocks) must be exactly those in expect.txt,
# one line per finding as "FILE SEED/CORES: finding".  A finding not listed
# is a false report until someone reads the program and adds it; a listed
# one that is gone is a finding lost.  The hallway (scenarios/livelock.go)
# must besides be found a livelock on seeds 1-10 on 1, 2 and 4 cores (the
# definition is in sim/analysis/livelock.h).  POSIX sh; Go is not needed.
#
#   tests/analyses/run.sh path/to/interleave            check
#   tests/analyses/run.sh path/to/interleave --update   rewrite expect.txt (read its diff)
set -u
bin=${1:?usage: run.sh path/to/interleave [--update]}
mode=${2:-}
here=$(dirname "$0")
top=$here/../..
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
limit=
if command -v timeout > /dev/null 2>&1; then limit="timeout 120"; fi
fail=0

# report ARGS...: the report of run ARGS --report, on stdout
report() { $limit "$bin" run "$@" --report --max-steps 300000 < /dev/null 2>&1 > /dev/null; }

for src in "$top"/tests/go/*.go "$top"/scenarios/*.go "$here"/*.go; do
    name=${src#"$top"/}
    for how in "1 -" "2 1" "3 4"; do
        seed=${how% *} cores=${how#* }
        if [ "$cores" = - ]; then set -- --seed "$seed"; else set -- --seed "$seed" --cores "$cores"; fi
        report "$src" "$@" | grep -E '^(partial deadlock|deadlock) at frame |^livelock: [^n]' |
            sed "s|^|$name $seed/$cores: |"
    done
done > "$tmp/got"

for c in 1 2 4; do
    for s in 1 2 3 4 5 6 7 8 9 10; do
        got=$(report livelock --seed $s --cores $c | grep '^livelock:')
        case $got in
        "livelock: G3 and G4 repeat the same steps from frame "*" without progress: left and right change and change back; "*)
            [ "$(echo "$got" | wc -l)" = 1 ] && continue ;;
        esac
        echo "analyses: livelock --seed $s --cores $c: the hallway's livelock is not reported as one finding:"
        echo "    ${got:-(no livelock line)}"
        fail=1
    done
done

if [ "$mode" = --update ]; then
    cp "$tmp/got" "$here/expect.txt"
    echo "analyses: wrote $(wc -l < "$here/expect.txt") findings to $here/expect.txt"
    exit $fail
fi
if ! diff "$here/expect.txt" "$tmp/got" > "$tmp/diff"; then
    echo "analyses: the findings differ from expect.txt (< expected, > found):"
    grep '^[<>]' "$tmp/diff"
    fail=1
fi
[ $fail = 0 ] && echo "analyses: $(wc -l < "$tmp/got") findings as expected, and the hallway's livelock on 30 runs"
exit $fail
