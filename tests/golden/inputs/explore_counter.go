// Two goroutines each add one to x twice, unsynchronised: x++ is a load, an
// add and a store, so some orders lose updates.  explore lists every final
// value the orders reach: 2, 3 and 4 (the finals the Go memory model allows).
package main

import (
	"fmt"
	"sync"
)

func main() {
	x := 0
	var wg sync.WaitGroup
	wg.Add(2)
	for g := 0; g < 2; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				x++
			}
		}()
	}
	wg.Wait()
	fmt.Println(x)
}
