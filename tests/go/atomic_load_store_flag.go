package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var ready int32
	var value int64
	go func() {
		atomic.StoreInt64(&value, 99)
		atomic.StoreInt32(&ready, 1)
	}()
	for atomic.LoadInt32(&ready) == 0 {
		runtime.Gosched()
	}
	fmt.Println("value", atomic.LoadInt64(&value))
	atomic.StoreInt32(&ready, 7)
	fmt.Println(atomic.LoadInt32(&ready))
}

// expect-status: 0
// expect-stdout: value 99
// expect-stdout: 7
