// Rule: a map is one variable to the memory model: writes to different keys
// conflict too. A Mutex orders them (Unlock before a later Lock).
// No race: both workers write the map holding mu.
package main

import (
	"fmt"
	"sync"
)

func main() {
	squares := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			mu.Lock()
			squares[n] = n * n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(squares)
}
