// Rule: readers holding an RWMutex's read lock are not ordered with each other.
// Race: each reader also counts its lookup, lookups++, under RLock. (The two
// run microseconds apart, so the count printed is 2.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	data, lookups := 0, 0
	var rw sync.RWMutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			_ = data
			lookups++
			rw.RUnlock()
		}()
	}
	rw.Lock()
	data = 42
	rw.Unlock()
	wg.Wait()
	fmt.Println(data, lookups)
}
