#!/bin/sh
# The analyses' findings over every program we have: each tests/go program,
# each scenario and each tests/analyses program runs as
# `interleave run FILE --report`, and the findings it prints (partial
# deadlocks, deadlocks) must be exactly those in expect.txt, one line per
# finding as "FILE: finding".  A finding not listed is a false report until
# someone reads the program and adds it; a listed one that is gone is a
# finding lost.  POSIX sh; Go is not needed.
#
#   tests/analyses/run.sh path/to/interleave            check
#   tests/analyses/run.sh path/to/interleave --update   rewrite expect.txt (read its diff)
set -u
bin=${1:?usage: run.sh path/to/interleave [--update]}
here=$(dirname "$0")
top=$here/../..
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
limit=
if command -v timeout > /dev/null 2>&1; then limit="timeout 120"; fi

for src in "$top"/tests/go/*.go "$top"/scenarios/*.go "$here"/*.go; do
    name=${src#"$top"/}
    $limit "$bin" run "$src" --report --max-steps 300000 < /dev/null 2>&1 > /dev/null |
        grep -E '^(partial deadlock|deadlock) at frame ' | sed "s|^|$name: |"
done > "$tmp/got"

if [ "${2:-}" = --update ]; then
    cp "$tmp/got" "$here/expect.txt"
    echo "analyses: wrote $(wc -l < "$here/expect.txt") findings to $here/expect.txt"
    exit 0
fi
if diff "$here/expect.txt" "$tmp/got" > "$tmp/diff"; then
    echo "analyses: $(wc -l < "$tmp/got") findings, as expected"
    exit 0
fi
echo "analyses: the findings differ from expect.txt (< expected, > found):"
grep '^[<>]' "$tmp/diff"
exit 1
