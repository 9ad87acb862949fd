package main

import (
	"errors"
	"fmt"
)

func load(name string) error {
	return fmt.Errorf("load %s: %w", name, errors.New("file missing"))
}

func main() {
	if err := load("config"); err != nil {
		panic(err)
	}
}

// expect-status: 2
// expect-stderr: panic: load config: file missing
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_panic_error_value.go:14
