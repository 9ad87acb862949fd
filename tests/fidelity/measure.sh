#!/usr/bin/env bash
# Developer-only: measure what real Go 1.19 does with each program of tests/fidelity
# and (re)write its NAME.dist (format: tests/fidelity/README.md).
#
#   tests/fidelity/measure.sh [NAME ...]      default: every tests/fidelity/*.go
#   tests/fidelity/measure.sh schedtrace      only rewrite schedtrace_format.txt
#
# Each NAME.go is built once (go build -o $BIN/NAME NAME.go) and the binary is run
# RUNS times with GOMAXPROCS=2, then RUNS times with GOMAXPROCS=1, from a scratch
# directory ($BIN/cwd, so files a program creates never land here).  Timing-sensitive
# programs wait (up to 10 minutes) until the 1-minute load average is at most 1.5
# before each GOMAXPROCS section; the load at the start and at the end of each
# section is written into the .dist (the end figure includes the measurement itself).
#
# Environment: GO (default /usr/lib/go-1.19/bin/go), BIN (default /tmp/fid),
# RUNS (override the per-program number of runs), MAXLOAD (default 1.5).
# Needs bash, mawk or gawk, sort, timeout, xargs.
set -u
GO=${GO:-/usr/lib/go-1.19/bin/go}
BIN=${BIN:-/tmp/fid}
MAXLOAD=${MAXLOAD:-1.5}
here=$(cd "$(dirname "$0")" && pwd)
export PATH="$(dirname "$GO"):$PATH" GOFLAGS=-mod=mod GOCACHE=${GOCACHE:-/tmp/gocache}
mkdir -p "$BIN/cwd" || exit 1

# Per-program settings: runs, parallel jobs, extra environment, timing-sensitive.
config() {
	runs=1000 jobs=1 extra="" timing=1
	case $1 in
	printsum_sleep) runs=200 jobs=25 timing=0 ;; # 2 s of sleep per run, outcome not timing-dependent
	mutex_starvation | starvation | sleep_latency | timer_latency | costs) runs=200 ;;
	syscall_handoff) runs=200 extra="GODEBUG=schedtrace=1" ;;
	esac
	runs=${RUNS:-$runs}
}

load1() { cut -d' ' -f1 /proc/loadavg; }
loadavg() { uptime | sed 's/.*load average: //'; }

wait_quiet() { # wait until the 1-minute load average is at most $MAXLOAD
	local waited=0
	while awk -v l="$(load1)" -v m="$MAXLOAD" 'BEGIN { exit !(l > m) }'; do
		[ $waited -ge 600 ] && { echo "  load still $(load1) after 600 s, measuring anyway" >&2; return 1; }
		[ $waited -eq 0 ] && echo "  waiting for load $(load1) to drop to $MAXLOAD" >&2
		sleep 10
		waited=$((waited + 10))
	done
	return 0
}

run_one() { # run number $1 of $PROG with GOMAXPROCS=$P into $DIR
	cd "$BIN/cwd" || exit 1
	env GOMAXPROCS="$P" $EXTRA timeout 60 "$BIN/$PROG" >"$DIR/$1.out" 2>"$DIR/$1.err"
	echo $? >"$DIR/$1.rc"
}
export -f run_one
export BIN

# summarise DIR with N runs: outcome lines, a comment on stderr, metric lines
summarise() {
	local dir=$1 n=$2
	awk -v D="$dir" -v N="$n" '
	BEGIN {
		for (i = 1; i <= N; i++) {
			out = ""; k = 0; f = D "/" i ".out"
			while ((getline line < f) > 0) {
				if (line ~ /^metric /) { split(line, a, " "); print a[2], a[3] > (D "/metrics"); continue }
				out = (k++ ? out " | " : "") line
			}
			close(f)
			rc = 0; f = D "/" i ".rc"; getline rc < f; close(f)
			if (out == "") out = "<empty>"
			if (rc != 0) out = out " [exit " rc "]"
			cnt[out]++
			# stderr: schedtrace maxima as metrics, first other line counted
			f = D "/" i ".err"; first = ""; th = -1; idle = -1; rq = -1; sl = 0
			while ((getline line < f) > 0) {
				if (line ~ /^SCHED /) {
					sl++
					nw = split(line, w, " ")
					for (j = 1; j <= nw; j++) {
						split(w[j], kv, "=")
						if (kv[1] == "threads" && kv[2] + 0 > th) th = kv[2] + 0
						if (kv[1] == "idlethreads" && kv[2] + 0 > idle) idle = kv[2] + 0
						if (kv[1] == "runqueue" && kv[2] + 0 > rq) rq = kv[2] + 0
					}
				} else if (first == "" && line != "") first = line
			}
			close(f)
			if (sl) {
				print "sched_lines", sl > (D "/metrics")
				print "sched_threads_max", th > (D "/metrics")
				print "sched_idlethreads_max", idle > (D "/metrics")
				print "sched_runqueue_max", rq > (D "/metrics")
			}
			if (first != "") err[first]++
		}
		for (o in cnt) print cnt[o] "\t" o > (D "/outcomes")
		for (o in err) print err[o] "\t" o > (D "/stderr")
	}'
	sort -t "$(printf '\t')" -k1,1nr -k2,2 "$dir/outcomes" | awk -F '\t' '{ print "outcome " $1 " " $2 }'
	[ -s "$dir/stderr" ] && sort -t "$(printf '\t')" -k1,1nr -k2,2 "$dir/stderr" |
		awk -F '\t' '{ print "# stderr, first line: " $1 " runs: " $2 }'
	[ -s "$dir/metrics" ] || return 0
	awk '!seen[$1]++ { print $1 }' "$dir/metrics" | while read -r m; do
		awk -v m="$m" '$1 == m { print $2 }' "$dir/metrics" | sort -g | awk -v m="$m" '
			{ v[NR] = $1 }
			function q(p,   r) { r = int(p * NR / 100); if (r < p * NR / 100) r++; if (r < 1) r = 1; return v[r] }
			END { print "metric " m " p5 " q(5) " p50 " q(50) " p95 " q(95) " min " v[1] " max " v[NR] }'
	done
}

measure() {
	local name=$1 src=$here/$1.go dist=$here/$1.dist
	config "$name"
	echo "== $name: $runs runs x GOMAXPROCS 2, 1" >&2
	go build -o "$BIN/$name" "$src" || return 1
	local what cmd
	what=$(sed -n '1s,^// *,,p' "$src")
	cmd="cd tests/fidelity && go build -o $BIN/$name $name.go && for i in \$(seq $runs); do (cd $BIN/cwd && GOMAXPROCS=\$P ${extra:+$extra }timeout 60 $BIN/$name); echo \"exit=\$?\"; done"
	[ "$jobs" -gt 1 ] && cmd="$cmd   (runs $jobs at a time, xargs -P $jobs)"
	{
		echo "# $what"
		echo "# command: tests/fidelity/measure.sh $name, i.e. for P in 2 1: $cmd"
		echo "# go: $(go version | sed 's/^go version //'); machine: $(nproc) cores; load: $(loadavg); date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
		echo "# quantiles are nearest-rank over the runs; outcome = stdout without its metric lines"
	} >"$dist.tmp"
	local P
	for P in 2 1; do
		local DIR
		DIR=$(mktemp -d "$BIN/run.$name.XXXXXX")
		[ "$timing" = 1 ] && wait_quiet
		local l0 l1
		l0=$(loadavg)
		PROG=$name EXTRA=$extra P=$P DIR=$DIR
		export PROG EXTRA P DIR
		seq "$runs" | xargs -P "$jobs" -I{} bash -c 'run_one {}'
		l1=$(loadavg)
		{
			echo "gomaxprocs $P"
			echo "# load at start: $l0; at end: $l1"
			echo "runs $runs"
			summarise "$DIR" "$runs"
		} >>"$dist.tmp"
		if [ -n "$extra" ]; then # keep three traces verbatim
			local t=$here/$name.schedtrace.txt
			[ "$P" = 2 ] && echo "# $name: GODEBUG=schedtrace=1 stderr of runs 1-3, verbatim ($(go version | sed 's/^go version //'), $(date -u '+%Y-%m-%d'))" >"$t"
			for i in 1 2 3; do
				{ echo; echo "## GOMAXPROCS=$P run $i"; cat "$DIR/$i.err"; } >>"$t"
			done
		fi
		rm -rf "$DIR"
	done
	mv "$dist.tmp" "$dist"
	echo "   wrote $dist" >&2
}

schedtrace() { # the format of GODEBUG=schedtrace, verbatim
	local t=$here/schedtrace_format.txt src=$BIN/schedfmt.go
	cat >"$src" <<'EOF'
package main

import (
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := time.Now(); time.Since(t) < 3*time.Millisecond; {
			}
			time.Sleep(2 * time.Millisecond)
		}()
	}
	wg.Wait()
}
EOF
	go build -o "$BIN/schedfmt" "$src" || return 1
	{
		echo "# The format of GODEBUG=schedtrace lines, $(go version | sed 's/^go version //'), verbatim samples."
		echo "# Printed on stderr by sysmon every X ms for schedtrace=X (runtime/proc.go schedtrace):"
		echo "#   SCHED <ms since start>ms: gomaxprocs=N idleprocs=N threads=N spinningthreads=N idlethreads=N runqueue=N [len of each P's local run queue]"
		echo "# sysmon prints a line only when it is awake and X ms have passed: its sleep grows from 20 us to"
		echo "# 10 ms while nothing happens, so gaps of up to ~10 ms appear even with schedtrace=1."
		echo "# With scheddetail=1 the [..] list is replaced by gcwaiting=N nmidlelocked=N stopwait=N sysmonwait=N"
		echo "# and followed by one line per P, per M and per G (Go 1.19 runtime2.go constants: P status"
		echo "# 0 idle, 1 running, 2 syscall, 3 gcstop; G status 1 runnable, 2 running, 3 syscall, 4 waiting"
		echo "# (wait reason in parentheses), 6 dead; m=-1 / p=-1 / curg=-1 mean none)."
		echo "# program: 4 goroutines each spin 3 ms then sleep 2 ms (source at the end)."
		for P in 2 1; do
			echo
			echo "## GOMAXPROCS=$P GODEBUG=schedtrace=1"
			GOMAXPROCS=$P GODEBUG=schedtrace=1 "$BIN/schedfmt" 2>&1
		done
		echo
		echo "## GOMAXPROCS=2 GODEBUG=schedtrace=1,scheddetail=1"
		GOMAXPROCS=2 GODEBUG=schedtrace=1,scheddetail=1 "$BIN/schedfmt" 2>&1
		echo
		echo "## source"
		sed 's/^/    /' "$src"
	} >"$t"
	echo "   wrote $t" >&2
}

if [ $# -eq 0 ]; then
	set -- $(cd "$here" && ls *.go | sed 's/\.go$//') schedtrace
fi
for name in "$@"; do
	name=${name%.go}
	case $name in
	schedtrace | schedtrace_format) schedtrace ;;
	*) measure "$name" ;;
	esac
done
