#!/bin/sh
# A goroutine holds a mutex while it sends on a channel nobody will ever
# receive from, and another then waits for the mutex, while main sleeps on:
# Go says nothing.  Playing pauses where the first goroutine becomes stuck,
# with the PARTIAL DEADLOCK banner, STUCK on its line and the cycle mark in
# the goroutine table; playing on, the chain grows to the mutex's waiter.
# Stepping back before the send, the banner is gone.  A forgotten
# wg.Done: the deadlock banner names the goroutine that returned early.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

start_shell 140 40
type_line "$BIN $ROOT/tests/analyses/lock_across_send.go --seed 1"
wait_for 'lock_across_send │' 10 || fail "the live view did not open"

keys Space
wait_for 'PARTIAL DEADLOCK +G2 \(line 14\) sends on results, which no goroutine that can still run can reach' 10 ||
    fail "playing should pause at G2's send, stuck for ever"
screen | grep -q '‖ paused' || fail "playing should have paused at the finding"
screen | grep -Eq '^ G2▶ +14 .*results <- 1 +STUCK G2' || fail "line 14 should say STUCK G2"
screen | grep -Eq '↻ G2 +waiting' || fail "G2's row should carry the deadlock mark"
screen | grep -Eq '↻ G3' && fail "G3 is not stuck yet"

keys Space
wait_for 'PARTIAL DEADLOCK +G3 \(line 19\) locks mu, held by G2; G2 \(line 14\) sends on results' 10 ||
    fail "playing on should pause where G3 waits for the mutex G2 holds"
screen | grep -Eq ' 19 .*mu\.Lock\(\) +STUCK G3' || fail "line 19 should say STUCK G3"
screen | grep -Eq '↻ G3 +waiting' || fail "G3's row should carry the deadlock mark"

gone=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18; do
    keys Left
    if wait_gone 'PARTIAL DEADLOCK' 1; then gone=1; break; fi
done
[ $gone = 1 ] || fail "stepping back before G2's send should clear the banner"

keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"

type_line "$BIN $ROOT/tests/analyses/forgotten_done.go --seed 1"
wait_for 'forgotten_done │' 10 || fail "the live view did not open the second program"
keys End
wait_for 'DEADLOCK +G1 \(line 20\) waits for wg \(counter 1\): G3 \(started at line 12\) returned at line 14 without calling Done' 10 ||
    fail "the deadlock banner should name G3, which returned at line 14 without Done"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
