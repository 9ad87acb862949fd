package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("waiting")
	fmt.Println(<-ch)
}

// expect-status: 2
// expect-stdout: waiting
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan receive]:
// expect-trace: main.main
// expect-trace: 	deadlock_chan_receive.go:8
