package main

import "sync"

func main() {
	var onceA, onceB sync.Once
	var initB func()
	initA := func() { onceB.Do(initB) }
	initB = func() { onceA.Do(initA) }
	onceA.Do(initA)
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [semacquire]:
// expect-trace: main.main.func2
// expect-trace: 	cig_once_recursive_deadlock.go:9
// expect-trace: main.main.func1
// expect-trace: 	cig_once_recursive_deadlock.go:8
// expect-trace: main.main
// expect-trace: 	cig_once_recursive_deadlock.go:10
