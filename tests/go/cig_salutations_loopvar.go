// outcomes: several (Concurrency in Go, ch. 3: with Go 1.19's shared loop variable
// each goroutine sees whatever salutation the loop has reached when it runs)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sawLast := 0
	for _, salutation := range []string{"hello", "greetings", "good day"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			if salutation == "good day" {
				sawLast++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("goroutines that saw \"good day\":", sawLast)
}

// schedule: 1x52.2x3.1x24.3x3 (each early goroutine runs before the loop moves on)
// schedule: 1x52.2x6 (one early goroutine)
// outcome: by hand (each of the first two goroutines ran before the loop moved on)
// expect-status: 0
// expect-stdout: goroutines that saw "good day": 1
// outcome: by hand (one early goroutine)
// expect-status: 0
// expect-stdout: goroutines that saw "good day": 2
// outcome: observed
// expect-status: 0
// expect-stdout: goroutines that saw "good day": 3
