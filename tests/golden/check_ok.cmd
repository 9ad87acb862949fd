check tests/golden/inputs/check_ok.go
