// mutex_starvation: a goroutine that sleeps 500µs while holding a sync.Mutex vs one with a tiny critical section, for 100 ms.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var stop int32

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var sleeper, short int
	var maxWait time.Duration
	wg.Add(2)
	go func() {
		defer wg.Done()
		for atomic.LoadInt32(&stop) == 0 {
			mu.Lock()
			time.Sleep(500 * time.Microsecond)
			mu.Unlock()
			sleeper++
		}
	}()
	go func() {
		defer wg.Done()
		for atomic.LoadInt32(&stop) == 0 {
			t := time.Now()
			mu.Lock()
			w := time.Since(t)
			short++
			mu.Unlock()
			if w > maxWait {
				maxWait = w
			}
		}
	}()
	time.Sleep(100 * time.Millisecond)
	atomic.StoreInt32(&stop, 1)
	wg.Wait()
	fmt.Printf("metric sleeper %d\n", sleeper)
	fmt.Printf("metric short %d\n", short)
	fmt.Printf("metric ratio %.6f\n", float64(sleeper)/float64(short))
	fmt.Printf("metric short_max_wait %d\n", int64(maxWait))
}
