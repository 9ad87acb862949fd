run tests/golden/inputs/race_kinds.go --race
