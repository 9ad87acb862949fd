// outcomes: several (an unsynchronised read-modify-write can lose an update)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := n
			v++
			n = v
		}()
	}
	wg.Wait()
	fmt.Println(n)
}

// schedule: 1x16.2x3 (both goroutines read n before either writes it back)
// outcome: by hand (both goroutines read n before either wrote it)
// expect-status: 0
// expect-stdout: 1
// outcome: observed
// expect-status: 0
// expect-stdout: 2
