// Rule: only atomic operations that observe each other are ordered; a plain
// read of a word stored atomically is not.
// Race: main polls flag with a plain read, which races with the atomic
// store, and so its read of data is not ordered after the goroutine's write
// either. (Main leaves the loop only after the store, so it prints 42.)
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var data int
	var flag int32
	go func() {
		data = 42
		atomic.StoreInt32(&flag, 1)
	}()
	for flag == 0 {
		runtime.Gosched()
	}
	fmt.Println(data)
}
