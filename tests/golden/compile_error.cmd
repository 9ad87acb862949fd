run tests/golden/inputs/undefined.go
