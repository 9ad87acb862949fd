// Rule: Unlock happens before a later Lock of the same mutex only.
// Race: each worker declares its own mutex, so the two locks order nothing
// and the count++ race. (They run microseconds apart, so the count printed
// is 2.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	count := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mu sync.Mutex
			mu.Lock()
			count++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(count)
}
