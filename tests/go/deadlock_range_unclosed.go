package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
		}
	}()
	for v := range ch {
		fmt.Println(v)
	}
}

// expect-status: 2
// expect-stdout: 0
// expect-stdout: 1
// expect-stdout: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan receive]:
// expect-trace: main.main
// expect-trace: 	deadlock_range_unclosed.go:12
