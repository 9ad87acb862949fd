package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	for i := 0; i < 3; i++ {
		fmt.Println("sending", i)
		ch <- i
	}
}

// expect-status: 2
// expect-stdout: sending 0
// expect-stdout: sending 1
// expect-stdout: sending 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan send]:
// expect-trace: main.main
// expect-trace: 	deadlock_buffered_full.go:9
