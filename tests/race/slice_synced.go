// Rule: each element of a slice is its own variable: accesses to different
// elements never conflict.
// No race: each worker increments its own element; Wait orders both before
// main's read.
package main

import (
	"fmt"
	"sync"
)

func main() {
	hits := make([]int, 2)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			hits[n]++
		}(i)
	}
	wg.Wait()
	fmt.Println(hits)
}
