#!/bin/sh
# Developer-only: record what real Go 1.19 does with each program of tests/go, as
# trailing comments in the program itself (format: tests/go/README.md, outcome.awk).
#
#   tests/go/bless.sh [FILE.go ...]     default: every tests/go/*.go and errors/*.go
#
# Programs: built with `go build` (not `go run`, which adds "exit status N" to
# stderr) and run as a binary, each run in a fresh directory holding a copy of
# the corpus's data files (tests/go/*.txt) and nothing else.  A program is run 3 times with GOMAXPROCS=1 and 3
# times with GOMAXPROCS=4 and must give the same outcome every time, unless it is
# marked "// outcomes: several": then it is run $RUNS times (200) with each, every
# distinct outcome is recorded as an "// outcome: observed" block, and the blocks
# whose "// outcome:" line says anything else (written by hand, for outcomes Go can
# give that were not seen) are kept.  Outcomes observed by earlier blessings are
# kept too (rare ones should not come and go); after changing such a program,
# bless it with FRESH=1 to forget them.
# errors/: the first diagnostic of `go build`, as "// expect-error: LINE:COL: msg"
# (and the further lines of a message Go prints on several, as expect-error-detail).
# If real Go compiles the program (an unsupported feature) the hand-written
# "interleave does not support ..." expectation is kept.
#
# Needs Go 1.19 (GO=/usr/lib/go-1.19/bin/go); uses no network (GOPROXY=off).
set -u
GO=${GO:-/usr/lib/go-1.19/bin/go}
RUNS=${RUNS:-200}
dir=$(cd "$(dirname "$0")" && pwd)
awkf=$dir/outcome.awk
work=$(mktemp -d /tmp/interleave-bless.XXXXXX)
trap 'rm -rf "$work"' EXIT
GOCACHE=/tmp/interleave-gocache GOPATH=/tmp/interleave-gopath GOFLAGS=-mod=mod
GOPROXY=off GO111MODULE=on
export GOCACHE GOPATH GOFLAGS GOPROXY GO111MODULE
printf 'module prog\n\ngo 1.19\n' > "$work/go.mod"
problems=0

"$GO" version | grep -q 'go1\.19' || { echo "bless.sh: $GO is not Go 1.19" >&2; exit 1; }

# The program without its trailing expectation block (and trailing blank lines).
code_part() {
    awk '{ line[NR] = $0
           if ($0 !~ /^\/\/ (expect-[a-z-]+|outcome)(:|$)/ && $0 !~ /^[ \t]*$/) last = NR }
         END { for (i = 1; i <= last; i++) print line[i] }' "$1"
}

noeol() { # FILE: 1 if it is non-empty and does not end in a newline
    if [ -s "$1" ] && [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" != '\n' ]; then echo 1; else echo 0; fi
}

run_once() { # GOMAXPROCS: run the built program, print its outcome block
    # in a fresh directory holding the corpus's data files (tests/go/*.txt): in
    # interleave the program's directory is tests/go itself, whose files it sees
    rm -rf "$work/cwd" && mkdir "$work/cwd" && { cp "$dir"/*.txt "$work/cwd/" 2>/dev/null || :; }
    (cd "$work/cwd" && GOMAXPROCS=$1 timeout 20 "$work/prog") > "$work/out" 2> "$work/err" < /dev/null
    st=$?
    awk -v mode=encode -v status=$st -v out_noeol="$(noeol "$work/out")" \
        -v err_noeol="$(noeol "$work/err")" -f "$awkf" "$work/out" "$work/err"
}

bless_program() {
    f=$1; name=$(basename "$f" .go)
    rm -f "$work"/*.go "$work"/seen.* "$work"/exp.* "$work/prog"
    code_part "$f" > "$work/$name.go"
    if ! (cd "$work" && CGO_ENABLED=0 "$GO" build -o prog "$name.go") > "$work/build" 2>&1; then
        echo "FAIL $name: real Go does not compile it:"; sed 's/^/    /' "$work/build"
        problems=$((problems + 1)); return
    fi
    multi=0; runs=3
    if grep -q '^// outcomes: several' "$f"; then multi=1; runs=$RUNS; fi
    n=0
    for p in 1 4; do
        i=0
        while [ $i -lt "$runs" ]; do
            i=$((i + 1))
            run_once $p > "$work/got"
            k=1; found=0
            while [ $k -le $n ]; do
                if cmp -s "$work/got" "$work/seen.$k"; then found=1; break; fi
                k=$((k + 1))
            done
            if [ $found = 0 ]; then n=$((n + 1)); mv "$work/got" "$work/seen.$n"; fi
        done
    done
    if cat "$work"/seen.* | grep -q '[ 	]$'; then
        echo "FAIL $name: an output line ends in white space, which gofmt and editors strip from comments; change the program"
        problems=$((problems + 1)); return
    fi
    if [ $multi = 0 ] && [ $n -gt 1 ]; then
        echo "FAIL $name: the output varies between runs; make it deterministic or mark it '// outcomes: several':"
        diff "$work/seen.1" "$work/seen.2" | head -20 | sed 's/^/    /'
        problems=$((problems + 1)); return
    fi
    nexp=$(awk -v mode=expect -v prefix="$work/exp" -f "$awkf" "$f")
    {
        cat "$work/$name.go"; echo
        if [ $multi = 0 ]; then
            cat "$work/seen.1"
        else
            hand=0; old=0; k=1
            while [ $k -le "$nexp" ]; do
                case $(cat "$work/exp.$k.origin") in
                hand) cat "$work/exp.$k.line" "$work/exp.$k"; hand=$((hand + 1)) ;;
                observed) if [ "${FRESH:-0}" = 0 ]; then
                              echo "// outcome: observed"; cat "$work/exp.$k"; old=$((old + 1))
                          fi ;;
                esac
                k=$((k + 1))
            done
            k=1; new=0
            while [ $k -le $n ]; do
                dup=0; j=1
                while [ $j -le "$nexp" ]; do
                    case $(cat "$work/exp.$j.origin"):${FRESH:-0} in
                    hand:*|observed:0) cmp -s "$work/seen.$k" "$work/exp.$j" && dup=1 ;;
                    esac
                    j=$((j + 1))
                done
                if [ $dup = 0 ]; then echo "// outcome: observed"; cat "$work/seen.$k"; new=$((new + 1)); fi
                k=$((k + 1))
            done
            echo "$name: $n distinct outcomes in $((2 * RUNS)) runs ($new new), $old kept from earlier blessings, $hand by hand" >&2
            [ $((old + new + hand)) -ge 2 ] || echo "WARN $name: marked several outcomes but only one is known" >&2
        fi
    } > "$work/new"
    if cmp -s "$work/new" "$f"; then echo "same $name"; else cp "$work/new" "$f"; echo "bless $name"; fi
    "$(dirname "$GO")/gofmt" -l "$work/$name.go" | grep -q . && echo "WARN $name: not gofmt-formatted"
    return 0
}

bless_error() {
    f=$1; name=$(basename "$f" .go)
    rm -f "$work"/*.go "$work/prog"
    code_part "$f" > "$work/$name.go"
    old=$(awk -v mode=error -f "$awkf" "$f")
    if (cd "$work" && "$GO" build -o prog "$name.go") > "$work/build" 2>&1; then
        case $old in
        *"interleave does not support"*) echo "keep  errors/$name (Go compiles it; by hand: $old)"; return ;;
        *) echo "FAIL errors/$name: real Go compiles it; write '// expect-error: LINE:COL: interleave does not support ...' by hand"
           problems=$((problems + 1)); return ;;
        esac
    fi
    new=$(awk '/^[^ ]*\.go:[0-9]+:[0-9]+: / { sub(/^[^ ]*\.go:/, ""); print; exit }' "$work/build")
    if [ -z "$new" ]; then
        echo "FAIL errors/$name: no positioned diagnostic from go build:"; sed 's/^/    /' "$work/build"
        problems=$((problems + 1)); return
    fi
    case $old in *"interleave does not support"*)
        echo "WARN errors/$name: real Go rejects it, its diagnostic replaces '$old'" ;;
    esac
    # The rest of a message Go prints on several lines, for the reader (run.sh
    # compares the first line only).
    awk '/^[^ ]*\.go:[0-9]+:[0-9]+: / { if (n++) exit; next } n && /^\t/ { print "// expect-error-detail: " $0; next } n { exit }' \
        "$work/build" > "$work/detail"
    { cat "$work/$name.go"; echo; echo "// expect-error: $new"; cat "$work/detail"; } > "$work/new"
    if cmp -s "$work/new" "$f"; then echo "same  errors/$name"; else cp "$work/new" "$f"; echo "bless errors/$name: $new"; fi
}

if [ $# = 0 ]; then set -- "$dir"/*.go "$dir"/errors/*.go; fi
for f in "$@"; do
    case $f in
    */errors/*.go) bless_error "$f" ;;
    *.go) bless_program "$f" ;;
    esac
done
[ $problems = 0 ] || { echo "bless: $problems problems" >&2; exit 1; }
