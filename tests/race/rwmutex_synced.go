// Rule: for a sync.RWMutex, an Unlock happens before a later RLock returns,
// and an RUnlock happens before a later Lock returns.
// No race: the readers only read data under RLock, and main writes it under
// Lock, so each reader is ordered before or after the writer.
package main

import (
	"fmt"
	"sync"
)

func main() {
	data := 0
	var rw sync.RWMutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			_ = data
			rw.RUnlock()
		}()
	}
	rw.Lock()
	data = 42
	rw.Unlock()
	wg.Wait()
	fmt.Println(data)
}
