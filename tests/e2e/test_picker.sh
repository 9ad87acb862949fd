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
keys q
wait_for '^\$ *$' 10 || fail "q did not return to the shell"
assert_sane_terminal
