package main

import "fmt"

func main() {
	fmt.Println("before")
	panic("something bad happened")
}

// expect-status: 2
// expect-stdout: before
// expect-stderr: panic: something bad happened
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_panic_string.go:7
