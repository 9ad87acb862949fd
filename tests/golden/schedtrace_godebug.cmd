run tests/golden/inputs/writes.go --cores 2
