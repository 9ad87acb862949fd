// title: Deadlock: printSum
// summary: Two goroutines lock a and b in opposite order and wait for each other forever.
// lesson: 4
// cores: 2
// policy: go
// notes: This is printSum from Concurrency in Go, chapter 1. Each call locks its first argument,
// notes: sleeps, then locks its second; started with the arguments swapped, each goroutine ends up
// notes: holding the lock the other needs. All four Coffman conditions hold: mutual exclusion, wait
// notes: for, no preemption and circular wait. Go sees every goroutine blocked and says so (exit 2).
// look: G3 locks b.mu, G2 a.mu; after the sleep each asks for the other's. Then step back (←).
// beat: lock G2 a.mu: G3 holds b.mu on core 0; now G2 holds a.mu on core 1; both sleep two seconds
// beat: lock-wait G3 a.mu: two seconds later G3 asks for a.mu, held by G2, and waits
// beat: lock-wait G2 b.mu: G2 asks for b.mu, held by G3: each waits for the other, forever
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
