// Rule: sync.Cond orders only through its mutex cond.L.
// Race: the goroutine writes data after its Unlock, and main reads data once
// its Wait has returned. (main prints data after done, which orders it.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	data, ready, done := 0, false, make(chan bool)
	cond := sync.NewCond(&sync.Mutex{})
	go func() {
		cond.L.Lock()
		ready = true
		cond.Signal()
		cond.L.Unlock()
		data = 42
		done <- true
	}()
	cond.L.Lock()
	for !ready {
		cond.Wait()
	}
	_ = data
	cond.L.Unlock()
	<-done
	fmt.Println(data)
}
