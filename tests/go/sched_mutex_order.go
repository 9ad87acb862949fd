// outcomes: several (which goroutine takes the lock first is up to the scheduler)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	order := ""
	for _, s := range []string{"x", "y", "z"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			mu.Lock()
			order += s
			mu.Unlock()
		}(s)
	}
	wg.Wait()
	fmt.Println(order)
}

// schedule: 1x50.2x1 (a step of x's goroutine before main waits: zyx instead of runnext's zxy)
// outcome: by hand (any order)
// expect-status: 0
// expect-stdout: yzx
// outcome: by hand (any order)
// expect-status: 0
// expect-stdout: yxz
// outcome: observed
// expect-status: 0
// expect-stdout: zxy
// outcome: observed
// expect-status: 0
// expect-stdout: zyx
// outcome: observed
// expect-status: 0
// expect-stdout: xyz
// outcome: observed
// expect-status: 0
// expect-stdout: xzy
