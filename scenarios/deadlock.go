// title: Deadlock: printSum
// summary: Two goroutines lock a and b in opposite order and wait for each other forever.
// cores: 2
// policy: go
// notes: This is the printSum program of Concurrency in Go, chapter 1. Each call locks
// notes: its first argument, sleeps, then locks its second. The two goroutines are
// notes: started with the arguments swapped, so each ends up holding the lock the other
// notes: needs. All four Coffman conditions hold: mutual exclusion, wait for (each holds
// notes: one lock while it waits for another), no preemption, and circular wait.
// look: Watch G2 take a.mu and G3 take b.mu on two cores in the same frames; after the
// look: sleep each asks for the other's lock. The lock table shows the owners and the
// look: waiters; the status line names the cycle. Step back with h or the left arrow
// look: and watch the cycle disappear.
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

		time.Sleep(2 * time.Second)
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
