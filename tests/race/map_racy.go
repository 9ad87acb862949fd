// Rule: a map is one variable to the memory model: writes to different keys
// conflict.
// Race: two workers write different keys of the map with no lock. (They
// run microseconds apart, so neither the map nor Go's check of concurrent
// map writes sees them overlap.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	squares := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			squares[n] = n * n
		}(i)
	}
	wg.Wait()
	fmt.Println(squares)
}
