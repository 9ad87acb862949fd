run tests/golden/inputs/forever.go --max-steps 1000
