// outcomes: several (nothing orders the two goroutines' prints)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			fmt.Println(name)
		}(name)
	}
	wg.Wait()
}

// schedule: 1x37.2x5 (A's goroutine runs before main waits: A, then B)
// outcome: observed
// expect-status: 0
// expect-stdout: B
// expect-stdout: A
// outcome: observed
// expect-status: 0
// expect-stdout: A
// expect-stdout: B
