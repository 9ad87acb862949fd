explore tests/golden/inputs/explore_counter.go --no-time
