package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var mu sync.Mutex
	var wg sync.WaitGroup
	readers, peak := 0, 0
	data := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			mu.Lock()
			readers++
			if readers > peak {
				peak = readers
			}
			mu.Unlock()
			time.Sleep(10 * time.Millisecond)
			_ = data
			mu.Lock()
			readers--
			mu.Unlock()
			rw.RUnlock()
		}()
	}
	wg.Wait()
	rw.Lock()
	data = 42
	rw.Unlock()
	rw.RLock()
	fmt.Println("readers held the lock together:", peak, "data:", data)
	rw.RUnlock()
}

// expect-status: 0
// expect-stdout: readers held the lock together: 3 data: 42
