// Rule: if the effect of an atomic operation A is observed by atomic
// operation B, then A happens before B (sync/atomic is sequentially
// consistent).
// No race: the goroutine writes data, then publishes flag with StoreInt32;
// main waits with LoadInt32 until it sees 1, then reads data.
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
	for atomic.LoadInt32(&flag) == 0 {
		runtime.Gosched()
	}
	fmt.Println(data)
}
