package main

import "fmt"

func main() {
	defer fmt.Println("outer deferred still runs")
	defer func() {
		panic("second")
	}()
	panic("first")
}

// expect-status: 2
// expect-stdout: outer deferred still runs
// expect-stderr: panic: first
// expect-stderr: 	panic: second
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	panic_in_defer_while_panicking.go:8
// expect-trace: main.main
// expect-trace: 	panic_in_defer_while_panicking.go:10
