// title: Starvation: greedy and polite workers
// summary: Two workers share one mutex for 50 ms; the one that holds it longer gets far more work done.
// lesson: 6
// cores: 2
// policy: go
// output: varies
// notes: From Concurrency in Go, chapter 1 (the book runs for 1 second; here 50 ms).
// notes: Both workers do the same work per loop, three nanoseconds of sleep with the lock
// notes: held. The greedy worker takes sharedLock once for all three; the polite worker
// notes: takes it only around each nanosecond, three times per loop. When sync.Mutex's
// notes: Unlock wakes a waiter, a goroutine that is still running usually takes the lock
// notes: again before the woken one gets to run, so each extra Lock is one more contest
// notes: to lose. The greedy worker ends with about twice the loops of the polite one.
// notes: Go's mutex only hands the lock over in queue order after a waiter has waited
// notes: 1 ms (starvation mode); the waits here are microseconds, so that never happens.
// look: Watch sharedLock in the lock table: the waiter queues, the holder unlocks and
// look: wakes it, and then takes the lock again itself before the woken goroutine runs.
// beat: lock-wait G2 sharedLock: greedy G2 finds sharedLock held by polite G3 and queues for it
// beat: lock G3 sharedLock: G3 unlocked and woke G2, but G3 is still running and locks again first
// beat: lock G2 sharedLock: G2 finally holds sharedLock, and keeps it for its whole loop
// beat: print "Greedy": after 50 ms, the loop counts and their ratio
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var sharedLock sync.Mutex
	const runtime = 50 * time.Millisecond
	var greedyLoops, politeLoops int

	greedyWorker := func() {
		defer wg.Done()
		var count int
		for begin := time.Now(); time.Since(begin) <= runtime; {
			sharedLock.Lock()
			time.Sleep(3 * time.Nanosecond)
			sharedLock.Unlock()
			count++
		}
		greedyLoops = count
	}

	politeWorker := func() {
		defer wg.Done()
		var count int
		for begin := time.Now(); time.Since(begin) <= runtime; {
			sharedLock.Lock()
			time.Sleep(1 * time.Nanosecond)
			sharedLock.Unlock()

			sharedLock.Lock()
			time.Sleep(1 * time.Nanosecond)
			sharedLock.Unlock()

			sharedLock.Lock()
			time.Sleep(1 * time.Nanosecond)
			sharedLock.Unlock()

			count++
		}
		politeLoops = count
	}

	wg.Add(2)
	go greedyWorker()
	go politeWorker()
	wg.Wait()
	fmt.Printf("Greedy worker was able to execute %v work loops\n", greedyLoops)
	fmt.Printf("Polite worker was able to execute %v work loops\n", politeLoops)
	fmt.Printf("The greedy worker did %.2fx the polite one's work\n", float64(greedyLoops)/float64(politeLoops))
}
