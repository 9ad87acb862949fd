package main

import "fmt"

func main() {
	defer fmt.Println("never printed: a fatal error runs no deferred calls")
	ch := make(chan int, 1)
	ch <- 1
	fmt.Println("buffer full")
	ch <- 2
}

// expect-status: 2
// expect-stdout: buffer full
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan send]:
// expect-trace: main.main
// expect-trace: 	deadlock_defers_not_run.go:10
