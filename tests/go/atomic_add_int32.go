package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int32
	var wg sync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func(d int32) {
			defer wg.Done()
			atomic.AddInt32(&n, d)
		}(int32(i))
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt32(&n))
}

// expect-status: 0
// expect-stdout: 10
