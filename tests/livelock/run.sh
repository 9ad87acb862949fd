#!/bin/sh
# Livelock detection over every program we have: the hallway
# (scenarios/livelock.go) must be reported by `run --report` on every seed
# and core count tried, and no other scenario and no program of the Go corpus
# (tests/go) may be: their report must say `livelock: none`.  Each runs
# three ways (seed 1 on its default cores, seed 2 on 1 core, seed 3 on 4
# cores), the hallway on seeds 1-10 on 1, 2 and 4 cores.  The definition is
# in sim/analysis/livelock.h.  POSIX sh; Go is not needed.
#
#   tests/livelock/run.sh path/to/interleave
set -u
bin=${1:?usage: run.sh path/to/interleave}
root=$(dirname "$0")/../..
limit=
if command -v timeout > /dev/null 2>&1; then limit="timeout 120"; fi
pass=0 fail=0

# the report's livelock lines for: run ARGS... --report
livelock_lines() {
    # shellcheck disable=SC2086
    $limit "$bin" run "$@" --report < /dev/null 2>&1 > /dev/null | grep '^livelock:'
}

for c in 1 2 4; do
    for s in 1 2 3 4 5 6 7 8 9 10; do
        got=$(livelock_lines livelock --seed $s --cores $c)
        case $got in
        "livelock: G3 and G4 repeat the same steps from frame "*" without progress: left and right change and change back; "*)
            [ "$(echo "$got" | wc -l)" = 1 ] && { pass=$((pass + 1)); continue; } ;;
        esac
        echo "FAIL livelock --seed $s --cores $c: the hallway's livelock is not reported as one finding:"
        echo "    ${got:-(no livelock line)}"
        fail=$((fail + 1))
    done
done

for f in "$root"/scenarios/*.go "$root"/tests/go/*.go; do
    name=$(basename "$f" .go)
    case $f in */scenarios/livelock.go) continue ;; esac
    case $f in */scenarios/*) target=$name ;; *) target=$f ;; esac
    for how in "--seed 1" "--seed 2 --cores 1" "--seed 3 --cores 4"; do
        # shellcheck disable=SC2086
        got=$(livelock_lines "$target" $how)
        if [ "$got" = "livelock: none" ]; then
            pass=$((pass + 1))
        else
            echo "FAIL $name $how: a livelock where there is none:"
            echo "    ${got:-(no livelock line)}"
            fail=$((fail + 1))
        fi
    done
done
echo "livelock: $pass passed, $fail failed"
[ $fail = 0 ]
