#!/bin/sh
# The Go conformance corpus: every tests/go/*.go is run by interleave and must do
# what real Go 1.19 did (recorded in the file by bless.sh); every tests/go/errors/*.go
# must be rejected by `interleave check` with the expected first diagnostic.
# Format: tests/go/README.md and outcome.awk.  POSIX sh and awk; Go is not needed.
#
#   tests/go/run.sh path/to/interleave [FILE.go ...]     (default: the whole corpus)
#
# A program with one outcome runs once, `run FILE --seed 1`: status, stdout and
# stderr must match exactly (a panic's traces by their Go-visible shape).  A program
# with several outcomes (it says "// outcomes: several") runs with seeds 1, 2, ...
# $SEEDS (200), odd seeds on 2 cores and even seeds on 4; every run must give one of
# the outcomes, and at least two different ones must turn up (the run stops as soon
# as they have).  An outcome the machine's timing almost never gives, as real Go
# almost never does, is reached by a forced order of goroutine steps: each
# "// schedule: STEPS" line of the program runs with --schedule STEPS first.  A program interleave cannot compile fails.
#
# KNOWN_FAILURES=FILE names programs (one per line: "chan_close" or
# "errors/unused_import"; # comments) that are known not to pass yet: their failure
# is counted as skipped, not failed, so `make test` guards everything else against
# regressions while the language grows.  A listed program that passes is an error
# ("now passes: take it off the list"), so the list can only shrink honestly.
set -u
bin=${1:?usage: run.sh path/to/interleave [FILE.go ...]}
shift
dir=$(dirname "$0")
awkf=$dir/outcome.awk
SEEDS=${SEEDS:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
limit=
if command -v timeout > /dev/null 2>&1; then limit="timeout 60"; fi
pass=0 fail=0

noeol() { # FILE: 1 if it is non-empty and does not end in a newline
    if [ -s "$1" ] && [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" != '\n' ]; then echo 1; else echo 0; fi
}

run_encoded() { # FILE ARGS...: run interleave, its outcome block into $tmp/got
    f=$1; shift
    # shellcheck disable=SC2086
    $limit "$bin" run "$f" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
    st=$?
    awk -v mode=encode -v status=$st -v out_noeol="$(noeol "$tmp/out")" \
        -v err_noeol="$(noeol "$tmp/err")" -f "$awkf" "$tmp/out" "$tmp/err" > "$tmp/got"
}

show_diff() { # EXPECTED GOT
    echo "    --- expected (Go 1.19)  +++ got (interleave)"
    diff "$1" "$2" | grep '^[<>]' | sed 's|^< // expect-|    -|; s|^> // expect-|    +|' | head -30
}

check_program() {
    f=$1; name=$(basename "$f" .go)
    rm -f "$tmp"/exp.*
    n=$(awk -v mode=expect -v prefix="$tmp/exp" -f "$awkf" "$f")
    if [ "$n" = 0 ]; then
        echo "FAIL $name: no expectations (tests/go/bless.sh writes them)"; return 1
    fi
    if [ "$n" = 1 ]; then
        run_encoded "$f" --seed 1
        if cmp -s "$tmp/exp.1" "$tmp/got"; then echo "ok   $name"; return 0; fi
        echo "FAIL $name (run --seed 1):"; show_diff "$tmp/exp.1" "$tmp/got"; return 1
    fi
    seen=" " distinct=0 s=0 forced=""
    # Outcomes that real Go gives but the machine's own timing almost never
    # does are reached by forcing the order of goroutine steps: each
    # "// schedule: STEPS" line of the program is one such run.
    for sch in $(sed -n 's|^// schedule: \([0-9x.]*\).*|\1|p' "$f"); do
        run_encoded "$f" --seed 1 --cores 2 --schedule "$sch"
        match_outcome
        if [ $match = 0 ]; then
            echo "FAIL $name (run --schedule $sch): none of its $n outcomes; against the first:"
            show_diff "$tmp/exp.1" "$tmp/got"; return 1
        fi
        forced="$forced, outcome $match by --schedule $sch"
        count_outcome
    done
    while [ $s -lt "$SEEDS" ]; do
        s=$((s + 1))
        if [ $((s % 2)) = 1 ]; then cores=2; else cores=4; fi
        run_encoded "$f" --seed $s --cores $cores
        match_outcome
        if [ $match = 0 ]; then
            echo "FAIL $name (run --seed $s --cores $cores): none of its $n outcomes; against the first:"
            show_diff "$tmp/exp.1" "$tmp/got"; return 1
        fi
        count_outcome
        if [ $distinct -ge 2 ] && [ $s -ge 2 ]; then
            echo "ok   $name (outcomes${seen% } of $n in $s runs$forced)"; return 0
        fi
    done
    echo "FAIL $name: real Go gives $n outcomes, $SEEDS seeds${forced:+ and its schedules} gave only outcome${seen% }"
    return 1
}

match_outcome() { # which expected outcome $tmp/got is: $match (0 none)
    k=1 match=0
    while [ $k -le "$n" ]; do
        if cmp -s "$tmp/exp.$k" "$tmp/got"; then match=$k; break; fi
        k=$((k + 1))
    done
}

count_outcome() {
    case $seen in *" $match "*) ;; *) seen="$seen$match "; distinct=$((distinct + 1)) ;; esac
}

check_error() {
    f=$1; name=errors/$(basename "$f" .go)
    want=$(awk -v mode=error -f "$awkf" "$f")
    if [ -z "$want" ]; then echo "FAIL $name: no '// expect-error:' line"; return 1; fi
    $limit "$bin" check "$f" > "$tmp/out" 2> "$tmp/err" < /dev/null
    st=$?
    got=$(cat "$tmp/out" "$tmp/err" | awk 'match($0, /:[0-9]+:[0-9]+: error: /) {
            s = substr($0, RSTART + 1); sub(/: error: /, ": ", s); print s; exit }')
    if [ $st = 1 ] && [ "$got" = "$want" ]; then echo "ok   $name"; return 0; fi
    echo "FAIL $name (check, exit status $st, want 1):"
    echo "    -$want"
    if [ -n "$got" ]; then echo "    +$got"; else cat "$tmp/out" "$tmp/err" | head -3 | sed 's/^/    /'; fi
    return 1
}

known=" "
if [ -n "${KNOWN_FAILURES:-}" ]; then
    known=" $(sed 's/#.*//' "$KNOWN_FAILURES" | tr -s ' \t\n' '   ')"
fi
skipped=0

if [ $# = 0 ]; then set -- "$dir"/*.go "$dir"/errors/*.go; fi
for f in "$@"; do
    case $f in
    */errors/*.go) check=check_error; id=errors/$(basename "$f" .go) ;;
    *) check=check_program; id=$(basename "$f" .go) ;;
    esac
    case $known in *" $id "*) listed=1 ;; *) listed=0 ;; esac
    if $check "$f" > "$tmp/report"; then
        if [ $listed = 1 ]; then
            echo "FAIL $id now passes: take it off $KNOWN_FAILURES"; fail=$((fail + 1))
        else
            cat "$tmp/report"; pass=$((pass + 1))
        fi
    elif [ $listed = 1 ]; then
        [ -z "${VERBOSE:-}" ] || echo "skip $id (known failure)"; skipped=$((skipped + 1))
    else
        cat "$tmp/report"; fail=$((fail + 1))
    fi
done

if [ -n "${KNOWN_FAILURES:-}" ]; then
    echo "go: $pass passed, $fail failed, $skipped skipped"
else
    echo "go: $pass passed, $fail failed"
fi
[ $fail = 0 ]
