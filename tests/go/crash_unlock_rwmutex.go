package main

import "sync"

func main() {
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
}

// expect-status: 2
// expect-stderr: fatal error: sync: RUnlock of unlocked RWMutex
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_unlock_rwmutex.go:9
