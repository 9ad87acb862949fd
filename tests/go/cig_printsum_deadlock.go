package main

import (
	"fmt"
	"sync"
	"time"
)

type value struct {
	mu    sync.Mutex
	value int
}

func main() {
	var wg sync.WaitGroup
	printSum := func(v1, v2 *value) {
		defer wg.Done()
		v1.mu.Lock()
		defer v1.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		v2.mu.Lock()
		defer v2.mu.Unlock()
		fmt.Printf("sum=%v\n", v1.value+v2.value)
	}
	var a, b value
	wg.Add(2)
	go printSum(&a, &b)
	go printSum(&b, &a)
	wg.Wait()
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [semacquire]:
// expect-trace: main.main
// expect-trace: 	cig_printsum_deadlock.go:29
// expect-trace: goroutine #2 [semacquire]:
// expect-trace: main.main.func1
// expect-trace: 	cig_printsum_deadlock.go:21
// expect-trace: created by main.main
// expect-trace: 	cig_printsum_deadlock.go:27
// expect-trace: goroutine #3 [semacquire]:
// expect-trace: main.main.func1
// expect-trace: 	cig_printsum_deadlock.go:21
// expect-trace: created by main.main
// expect-trace: 	cig_printsum_deadlock.go:28
