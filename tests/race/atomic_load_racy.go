// Rule: an atomic operation is ordered after those whose effect it observes;
// a Load has no effect, so it publishes nothing.
// Race: the goroutine Loads flag after writing data; main's later Load
// (10 ms later, which orders nothing) does not order its read of data.
// (main prints data after done, which orders it.)
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
		atomic.LoadInt32(&flag)
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	if atomic.LoadInt32(&flag) == 0 {
		_ = data
	}
	<-done
	fmt.Println(data)
}
