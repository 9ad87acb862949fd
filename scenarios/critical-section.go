// title: Critical section: a mutex around value
// summary: A sync.Mutex guards every access to value: the data race is gone, the race over which goes first is not.
// lesson: 3
// cores: 2
// policy: go
// notes: From Concurrency in Go, chapter 1: the goroutine's value++ and main's test and
// notes: print are each a critical section under memoryAccess, so no read can see an
// notes: increment half done; that data race is gone. But nothing says which critical
// notes: section runs first: if main's does, it prints "the value is 0.", if G2's does,
// notes: "the value is 1.". Real Go 1.19 on two cores printed "the value is 0." in all
// notes: 200 runs tried, because main reaches Lock while G2 still waits in runnext, and
// notes: the default run here does the same; that is luck of timing, not a guarantee.
// notes: `interleave run critical-section --schedule 1x8.2x2` lets G2 take the lock
// notes: first: main then waits at Lock and prints "the value is 1.".
// look: Watch the lock table: main locks memoryAccess while G2 is still in core 0's
// look: runnext, tests value and prints it inside the lock, and returns before G2 ever
// look: asks for the lock. With the forced schedule, G2 holds the lock, main spins on
// look: Lock and then waits in the lock table's queue until G2's Unlock wakes it.
// beat: go G1: main starts G2, which waits in core 0's runnext
// beat: lock G1 memoryAccess: main takes the lock first: its test and print are one critical section
// beat: print "the value is 0.": main's critical section ran before G2's: value is still 0
package main

import (
	"fmt"
	"sync"
)

func main() {
	var memoryAccess sync.Mutex
	var value int
	go func() {
		memoryAccess.Lock()
		value++
		memoryAccess.Unlock()
	}()

	memoryAccess.Lock()
	if value == 0 {
		fmt.Printf("the value is %v.\n", value)
	} else {
		fmt.Printf("the value is %v.\n", value)
	}
	memoryAccess.Unlock()
}
