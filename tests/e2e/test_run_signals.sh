#!/bin/sh
# `interleave run` killed by SIGTERM or SIGHUP with stdout in a file keeps
# what the program printed before the signal, as a Go program does (Go
# writes each print straight to the file), and dies of that signal (status
# 128 + its number).  The program prints, then counts for ever; the signal
# is sent once the process has used a fifth of a second of CPU, long after
# the print, which is its first few frames.
set -u
BIN=${BIN:?BIN must name the interleave binary}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL ${TEST_NAME:-run_signals}: $*"; exit 1; }

cat > "$WORK/spin.go" <<'GO'
package main

import "fmt"

func main() {
	fmt.Println("before the signal")
	x := 0
	for {
		x++
	}
}
GO

# cpu_ticks PID: user + system time of the process, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

for sig in TERM:143 HUP:129; do
    name=${sig%%:*} want=${sig#*:}
    "$BIN" run "$WORK/spin.go" > "$WORK/out" 2> "$WORK/err" &
    pid=$!
    tries=2000
    until [ "$(cpu_ticks $pid)" -ge 20 ]; do
        tries=$((tries - 1)); [ $tries -gt 0 ] || { kill -9 $pid; fail "the run never used CPU"; }
        sleep 0.01
    done
    kill -s "$name" $pid
    { wait $pid; } 2> /dev/null
    st=$?
    [ "$st" = "$want" ] || fail "SIG$name: exit status $st, want $want"
    [ "$(cat "$WORK/out")" = "before the signal" ] || fail "SIG$name: stdout lost: '$(cat "$WORK/out")'"
done
