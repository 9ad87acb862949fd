check tests/golden/inputs/check_errors.go
