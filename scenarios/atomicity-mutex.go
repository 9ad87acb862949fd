// title: Atomicity: a sync.Mutex around counter++
// summary: The same four goroutines lock a mutex around each increment, and the total is always exact.
// variant of: atomicity
// variant: fixed: a sync.Mutex
// cores: 2
// policy: go
// notes: The mutex makes counter++ a critical section: between Lock and Unlock only one
// notes: goroutine can read, add and write, so no read sees a value another goroutine is
// notes: about to replace, and the total is 4000000 in every run, here and in real Go.
// notes: The two cores now take turns: a goroutine that finds the mutex held queues for
// notes: it and sleeps (lock-wait), and the owner's Unlock wakes it. Each Lock and Unlock
// notes: costs more than an atomic add; a mutex earns its cost when a critical section
// notes: must keep several variables consistent.
// look: Once core 1 has stolen a goroutine, watch the lock table: mu's owner changes
// look: between the cores, and now and then a goroutine finds it held and waits
// look: until the owner's Unlock wakes it.
// beat: block G1 wg: main waits for the four goroutines; core 0 runs G5 alone
// beat: start G3: core 1 has taken G3: both loops now want mu
// beat: lock-wait G3 mu: G3 finds mu held by G5 on the other core: it queues and sleeps until G5 unlocks
// beat: print "4000000,": every increment counted
package main

import (
	"fmt"
	"sync"
)

func main() {
	const goroutines = 4
	const increments = 1000000

	var counter int
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(goroutines)
	for g := 0; g < goroutines; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < increments; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("counter = %d, should be %d\n", counter, goroutines*increments)
}
