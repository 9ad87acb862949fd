package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Done()
}

// expect-status: 2
// expect-stderr: panic: sync: negative WaitGroup counter
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_negative_waitgroup.go:9
