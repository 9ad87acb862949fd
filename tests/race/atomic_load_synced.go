// Rule: an atomic operation is ordered after the atomic operations whose
// effect it observes.
// No race: main reads data only when its Load observes the goroutine's
// Store. (The Load comes 10 ms later, so it does, and main prints 42.)
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var data int
	var flag int32
	done := make(chan bool)
	go func() {
		data = 42
		atomic.StoreInt32(&flag, 1)
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	if atomic.LoadInt32(&flag) == 1 {
		fmt.Println(data)
	}
	<-done
}
