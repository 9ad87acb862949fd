// title: Atomicity: atomic.AddInt64
// summary: The same four goroutines add with atomic.AddInt64, and the total is always exact.
// variant of: atomicity
// variant: fixed: atomic.AddInt64
// cores: 2
// policy: go
// notes: atomic.AddInt64 makes the read, the add and the write one indivisible step: on
// notes: amd64 it is a LOCK XADD, which holds the memory location for the whole
// notes: read-modify-write, so no other core can read the old value in between. The
// notes: two cores still run their loops side by side, but every increment counts and
// notes: the total is 4000000 in every run, here and in real Go. An atomic operation
// notes: costs a little more than a plain increment (about 1.4ns here) and protects one
// notes: variable; to keep several variables consistent, use a mutex.
// look: Once core 1 has stolen G3, both cores run the atomic add in the same frames, yet each
// look: atomic add is one frame, so no increment can fall between another's read and
// look: write.
// beat: block G1 wg: main waits for the four goroutines; core 0 runs G5 alone
// beat: start G3: core 1 has taken G3: two loops now add to counter at once
// beat: print "4000000,": every increment counted
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	const goroutines = 4
	const increments = 1000000

	var counter int64
	var wg sync.WaitGroup
	wg.Add(goroutines)
	for g := 0; g < goroutines; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < increments; i++ {
				atomic.AddInt64(&counter, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Printf("counter = %d, should be %d\n", counter, goroutines*increments)
}
