package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go wg.Done()
	wg.Wait()
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [semacquire]:
// expect-trace: main.main
// expect-trace: 	deadlock_waitgroup.go:9
