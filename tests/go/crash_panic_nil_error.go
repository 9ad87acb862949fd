package main

import "fmt"

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func main() {
	var err error = &E{"custom failure"}
	fmt.Println("about to panic")
	panic(err)
}

// expect-status: 2
// expect-stdout: about to panic
// expect-stderr: panic: custom failure
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_panic_nil_error.go:12
