explore tests/golden/inputs/explore_counter.go --max-states 50 --no-time
