// Rule: two accesses to the same slice element conflict when one writes.
// Race: both workers increment element 0 with nothing ordering them. (They
// run microseconds apart, so the output is [2 0].)
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
			hits[0]++
		}(i)
	}
	wg.Wait()
	fmt.Println(hits)
}
