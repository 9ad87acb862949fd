// The racy counter of `make bench`'s explorer figures: G goroutines each do
// N unsynchronised x++ (a load, an add and a store).  bench_explore.sh
// rewrites the two constants for 2 x 2, 3 x 3 and 4 x 3.  The finals
// reachable are 2 .. G*N (SPIN finds the same sets for the same model).
package main

import (
	"fmt"
	"sync"
)

const G = 3
const N = 3

func main() {
	x := 0
	var wg sync.WaitGroup
	wg.Add(G)
	for g := 0; g < G; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < N; i++ {
				x++
			}
		}()
	}
	wg.Wait()
	fmt.Println(x)
}
