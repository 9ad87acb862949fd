package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var v int32 = 5
	fmt.Println(atomic.CompareAndSwapInt32(&v, 4, 10), v)
	fmt.Println(atomic.CompareAndSwapInt32(&v, 5, 10), v)
	var total int64
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 10; k++ {
				for {
					old := atomic.LoadInt64(&total)
					if atomic.CompareAndSwapInt64(&total, old, old+2) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(total)
}

// expect-status: 0
// expect-stdout: false 5
// expect-stdout: true 10
// expect-stdout: 100
