#!/bin/sh
# Record what real Go 1.19 prints for each scenario: tests/scenarios/NAME.go119.
# Needs Go (Debian's golang-1.19-go); tests and CI only read the records.
#
#   tests/scenarios/record.sh [NAME ...]        (default: every scenarios/*.go)
#
# Each program is built once and run RUNS times (20) in an empty directory with
# GOMAXPROCS set to its header's cores; the record lists each distinct outcome
# (exit status, first line of stderr, stdout) with how many runs gave it.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
RUNS=${RUNS:-20}
GO=${GO:-/usr/lib/go-1.19/bin/go}
command -v "$GO" > /dev/null 2>&1 || { echo "record.sh: no Go at $GO (apt-get install golang-1.19-go)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOCACHE="${GOCACHE:-$tmp/gocache}" GOFLAGS=-mod=mod GO111MODULE=off
[ $# -gt 0 ] || set -- $(cd "$root/scenarios" && ls *.go | sed 's/\.go$//')
for name in "$@"; do
    src=$root/scenarios/$name.go
    [ -f "$src" ] || { echo "record.sh: no $src" >&2; exit 1; }
    cores=$(sed -n 's|^// cores: *\([0-9][0-9]*\).*|\1|p' "$src" | head -1)
    cores=${cores:-2}
    "$GO" build -o "$tmp/prog" "$src" || exit 1
    : > "$tmp/all"
    i=0
    while [ $i -lt "$RUNS" ]; do
        i=$((i + 1))
        rm -rf "$tmp/cwd"; mkdir "$tmp/cwd"
        (cd "$tmp/cwd" && GOMAXPROCS=$cores timeout 60 "$tmp/prog" > "$tmp/out" 2> "$tmp/err" < /dev/null)
        st=$?
        awk -v status=$st -v out="$tmp/out" -v err="$tmp/err" -f "$here/outcome.awk" > "$tmp/one"
        # one record per line, fields joined by \001, so sort | uniq -c counts them
        awk '{ printf "%s%s", (NR > 1 ? "\001" : ""), $0 } END { print "" }' "$tmp/one" >> "$tmp/all"
    done
    {
        echo "# $name: real Go's outcomes over $RUNS runs with GOMAXPROCS=$cores (tests/scenarios/record.sh)"
        echo "# $("$GO" version | sed 's/^go version //'); $(date -u '+%Y-%m-%d')"
        sort "$tmp/all" | uniq -c | sort -rn | awk '{
            n = $1; sub(/^ *[0-9]+ /, "")
            k = split($0, f, "\001")
            sub(/^outcome 1 /, "outcome " n " ", f[1])
            for (i = 1; i <= k; i++) print f[i]
        }'
    } > "$here/$name.go119"
    echo "$name: $(grep -c '^outcome' "$here/$name.go119") outcome(s) in $RUNS runs"
done
