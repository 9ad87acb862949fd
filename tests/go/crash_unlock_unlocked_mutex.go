package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocked once")
	mu.Unlock()
}

// expect-status: 2
// expect-stdout: unlocked once
// expect-stderr: fatal error: sync: unlock of unlocked mutex
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_unlock_unlocked_mutex.go:13
