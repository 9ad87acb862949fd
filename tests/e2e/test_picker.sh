#!/bin/sh
# The picker lists the built-in scenarios, lesson 1 (the race) first; choosing
# one opens it, playing it to the end shows its output, and Esc comes back to
# the list.
. "$(dirname "$0")/lib.sh"

start_shell 100 30
type_line "$BIN --seed 6"
wait_for 'Race condition: data\+\+' 10 || fail "the picker does not list the race scenario"
screen | grep -q 'Deadlock: printSum' || fail "the picker does not list the deadlock scenario"
keys Enter
wait_for 'race\.go' 10 || fail "Enter did not open the race scenario"
keys G
wait_for 'the value is 0\.' 10 || fail "seed 6 should print 'the value is 0.', as real Go nearly always does"
wait_for 'exited with status 0' 5 || fail "no exit verdict after the program ended"
keys Escape
wait_for 'Deadlock: printSum' 10 || fail "Esc did not return to the picker"
screen | grep -Eq '▶ +1\. Race condition' || fail "back in the picker, the race scenario should be selected"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"

# A learner's own file: Esc lists it first, selected, and Enter opens it again;
# after a built-in one, it is still listed.
type_line "clear; $BIN $(cd "$(dirname "$0")/../.." && pwd)/tests/analyses/leaked_goroutine.go"
wait_for 'leaked_goroutine │' 10 || fail "the own file did not open"
keys Escape
wait_for '▶ +your file: leaked_goroutine\.go' 10 || fail "Esc from an own file should list it first, selected"
screen | grep -q 'tests/analyses/leaked_goroutine\.go' || fail "the details should give the file's path"
keys Down Down Down Down Enter
wait_for 'Deadlock: printSum' 10 || fail "the fourth lesson did not open"
keys Escape
wait_for '▶ +4\. Deadlock: printSum' 10 || fail "Esc should come back to the scenario that was open"
screen | grep -q 'your file: leaked_goroutine\.go' || fail "the own file should stay listed"
keys Home Enter
wait_for 'func leak\(\)' 10 || fail "Enter on the own file did not open it again"
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
