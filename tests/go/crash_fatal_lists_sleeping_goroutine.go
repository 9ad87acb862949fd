package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	started := make(chan bool)
	go func() {
		started <- true
		time.Sleep(time.Hour)
	}()
	<-started
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()
}

// expect-status: 2
// expect-stderr: fatal error: sync: unlock of unlocked mutex
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_fatal_lists_sleeping_goroutine.go:17
// expect-trace: goroutine #2 [sleep]:
// expect-trace: main.main.func1
// expect-trace: 	crash_fatal_lists_sleeping_goroutine.go:13
// expect-trace: created by main.main
// expect-trace: 	crash_fatal_lists_sleeping_goroutine.go:11
