// Rule: sync.Cond orders nothing itself; its mutex cond.L does: Wait returns
// holding it again, after the Unlock of whoever changed the condition.
// No race: the goroutine writes data and ready holding cond.L, and main reads
// them holding it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	data, ready := 0, false
	cond := sync.NewCond(&sync.Mutex{})
	go func() {
		cond.L.Lock()
		data = 42
		ready = true
		cond.Signal()
		cond.L.Unlock()
	}()
	cond.L.Lock()
	for !ready {
		cond.Wait()
	}
	fmt.Println(data)
	cond.L.Unlock()
}
