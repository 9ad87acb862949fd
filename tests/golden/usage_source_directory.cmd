run tests/golden
