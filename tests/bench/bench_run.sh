#!/bin/sh
# Times whole `interleave run` commands (start-up, compile, run, exit): the cost a
# script or test pays per scenario.  Prints figures, never pass/fail.
set -u
bin=${1:?usage: bench_run.sh path/to/interleave}
reps=50
for sc in deadlock race; do
    start=$(date +%s%N)
    i=0
    while [ $i -lt $reps ]; do "$bin" run "$sc" >/dev/null 2>&1; i=$((i + 1)); done
    end=$(date +%s%N)
    echo "run $sc: $(( (end - start) / reps / 1000 )) µs per run (mean of $reps)"
done
start=$(date +%s%N)
i=0
while [ $i -lt $reps ]; do "$bin" check race >/dev/null 2>&1; i=$((i + 1)); done
end=$(date +%s%N)
echo "check race: $(( (end - start) / reps / 1000 )) µs per run (mean of $reps)"
