# outcome.awk — one run's outcome as tests/scenarios/*.go119 records it.
#   awk -v status=N -v out=STDOUT -v err=STDERR -f outcome.awk
# prints "outcome 1 exit N", "stderr LINE" (the first line of stderr, if any)
# and the stdout lines, each after "| ".
BEGIN {
    print "outcome 1 exit " status
    if ((getline line < err) > 0) print "stderr " line
    while ((getline line < out) > 0) print "| " line
}
