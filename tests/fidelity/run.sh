#!/bin/sh
# The fidelity suite: interleave's distributions against real Go 1.19's.
#
#   tests/fidelity/run.sh path/to/interleave [PROGRAM ...]
#
# Each line of tests/fidelity/checks names a program, a core count (the
# GOMAXPROCS section of PROGRAM.dist to compare with), how many seeds to run
# (1, 2, ... N) and what to check:
#   outcomes         interleave's most frequent outcome is real Go's most
#                    frequent one, and every outcome real Go gave in at most
#                    1% of its runs (or never) comes out in at most 5% of the
#                    seeds;
#   dominant         only the first half of that;
#   metric NAME F    the median of NAME over the seeds lies in real Go's
#                    [p5 / F, p95 * F] (F = 1: between real Go's 5th and 95th
#                    percentiles).
# Outcomes are read as measure.sh writes them: stdout without its "metric"
# lines, lines joined by " | ", " [exit N]" when the status is not 0,
# "<empty>" for nothing.  POSIX sh and awk; Go is not needed.
set -u
bin=${1:?usage: run.sh path/to/interleave [PROGRAM ...]}
shift
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
dir=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# run_seeds PROGRAM CORES SEEDS: one outcome per line into $tmp/outcomes and
# the metric lines ("NAME VALUE") into $tmp/metrics.
run_seeds() {
    : > "$tmp/outcomes"; : > "$tmp/metrics"
    s=0
    while [ $s -lt "$3" ]; do
        s=$((s + 1))
        # "./": a bare NAME.go that is also a built-in scenario's name runs the scenario
        (cd "$dir" && "$bin" run "./$1.go" --seed $s --cores "$2" --max-steps 4000000000) \
            > "$tmp/out" 2> /dev/null < /dev/null
        st=$?
        awk -v st=$st '
            /^metric / { print $2, $3 >> "'"$tmp/metrics"'"; next }
            { out = out (n++ ? " | " : "") $0 }
            END { if (out == "") out = "<empty>"
                  if (st != 0) out = out " [exit " st "]"
                  print out }' "$tmp/out" >> "$tmp/outcomes"
    done
}

# The section of PROGRAM.dist for GOMAXPROCS=CORES.
section() {
    awk -v p="$2" '/^gomaxprocs / { on = ($2 == p); next } on && !/^#/' "$dir/$1.dist"
}

check_outcomes() { # PROGRAM CORES SEEDS RARE (1: check the rare outcomes too)
    section "$1" "$2" > "$tmp/real"
    sort "$tmp/outcomes" | uniq -c | awk '{ n = $1; sub(/^ *[0-9]+ /, ""); print n "\t" $0 }' > "$tmp/ours"
    awk -F '\t' -v seeds="$3" -v rare="$4" -v real="$tmp/real" '
        BEGIN {
            while ((getline line < real) > 0) {
                if (line ~ /^runs /) { split(line, w, " "); runs = w[2]; continue }
                if (line !~ /^outcome /) continue
                sub(/^outcome /, "", line); n = line + 0; sub(/^[0-9]+ /, "", line)
                count[line] = n; if (n > best) { best = n; top = line }
            }
        }
        { ours[$2] = $1; if ($1 > obest) { obest = $1; otop = $2 } }
        END {
            bad = 0
            if (otop != top) { printf "    most frequent: real Go \"%s\" (%d/%d), interleave \"%s\" (%d/%d)\n", top, best, runs, otop, obest, seeds; bad = 1 }
            for (o in ours) if (rare && (count[o] + 0) * 100 <= runs && ours[o] * 20 > seeds) {
                printf "    \"%s\": real Go %d/%d, interleave %d/%d (a rare outcome must stay at most 5%%)\n", o, count[o] + 0, runs, ours[o], seeds; bad = 1 }
            summary = ""
            for (o in ours) summary = summary sprintf("%s%d \"%s\"", summary == "" ? "" : ", ", ours[o], o)
            print summary > "/dev/stderr"
            exit bad }' "$tmp/ours" 2> "$tmp/summary"
}

check_metric() { # PROGRAM CORES NAME FACTOR
    section "$1" "$2" | awk -v name="$3" -v f="$4" -v ours="$tmp/metrics" '
        $1 == "metric" && $2 == name { lo = $4 / f; hi = $6 * f; p50 = $6 == "" ? 0 : $6; found = 1
                                        for (i = 3; i < NF; i += 2) q[$i] = $(i + 1); lo = q["p5"] / f; hi = q["p95"] * f; mid = q["p50"] }
        END {
            if (!found) { print "    no metric " name " in the .dist"; exit 1 }
            n = 0
            while ((getline line < ours) > 0) { split(line, w, " "); if (w[1] == name) v[++n] = w[2] + 0 }
            if (!n) { print "    interleave printed no metric " name; exit 1 }
            for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
            med = v[int((n + 1) / 2)]
            printf "%s %g (real Go p50 %g, allowed %g..%g)\n", name, med, mid, lo, hi > "/dev/stderr"
            exit !(med >= lo && med <= hi) }' 2> "$tmp/summary"
}

want=" $* "
grep -v '^#' "$dir/checks" | grep -v '^[[:space:]]*$' > "$tmp/checks"
while read -r prog cores seeds kind name factor; do
    case $want in "  ") ;; *" $prog "*) ;; *) continue ;; esac
    label="$prog on $cores core$( [ "$cores" = 1 ] || echo s), $seeds seeds"
    key="$prog/$cores/$seeds"
    if [ "$key" != "${last:-}" ]; then run_seeds "$prog" "$cores" "$seeds"; last=$key; fi
    if [ "$kind" = outcomes ] || [ "$kind" = dominant ]; then
        rare=0; [ "$kind" = outcomes ] && rare=1
        if check_outcomes "$prog" "$cores" "$seeds" $rare > "$tmp/why"; then
            echo "ok   $label: outcomes $(cat "$tmp/summary")"; pass=$((pass + 1))
        else
            echo "FAIL $label: outcomes $(cat "$tmp/summary")"; cat "$tmp/why"; fail=$((fail + 1))
        fi
    else
        if check_metric "$prog" "$cores" "$name" "$factor" > "$tmp/why"; then
            echo "ok   $label: $(cat "$tmp/summary")"; pass=$((pass + 1))
        else
            echo "FAIL $label: $(cat "$tmp/summary")"; cat "$tmp/why"; fail=$((fail + 1))
        fi
    fi
done < "$tmp/checks"
echo "fidelity: $pass passed, $fail failed"
[ $fail = 0 ]
