package main

import "sync"

func main() {
	var rw sync.RWMutex
	rw.RLock()
	rw.Lock()
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [semacquire]:
// expect-trace: main.main
// expect-trace: 	deadlock_rwmutex_upgrade.go:8
