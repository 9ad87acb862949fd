// starvation: Concurrency in Go's greedy worker (one long critical section) vs polite worker (three short ones), 100 ms instead of 1 s.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var sharedLock sync.Mutex
	const runtime = 100 * time.Millisecond
	var greedy, polite int

	greedyWorker := func() {
		defer wg.Done()
		var count int
		for begin := time.Now(); time.Since(begin) <= runtime; {
			sharedLock.Lock()
			time.Sleep(3 * time.Nanosecond)
			sharedLock.Unlock()
			count++
		}
		greedy = count
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
		polite = count
	}

	wg.Add(2)
	go greedyWorker()
	go politeWorker()
	wg.Wait()
	fmt.Printf("metric greedy %d\n", greedy)
	fmt.Printf("metric polite %d\n", polite)
	fmt.Printf("metric ratio %.4f\n", float64(greedy)/float64(polite))
}
