// syscall_handoff: 8 goroutines read a 1 MiB file 10 times each while 2 goroutines count (run with GODEBUG=schedtrace=1); file I/O times in ns.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

var stop int32

func median(f func()) int64 {
	v := make([]int64, 9)
	for i := range v {
		t := time.Now()
		f()
		v[i] = int64(time.Since(t))
		for j := i; j > 0 && v[j-1] > v[j]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
	return v[4]
}

func main() {
	const big, small = "syscall_handoff.big.tmp", "syscall_handoff.small.tmp"
	data := make([]byte, 1<<20)
	for i := range data {
		data[i] = byte(i)
	}
	write := median(func() { os.WriteFile(big, data, 0644) })
	os.WriteFile(small, data[:4096], 0644)
	readBig := median(func() { os.ReadFile(big) })
	readSmall := median(func() { os.ReadFile(small) })

	var total int64
	var cpu, readers sync.WaitGroup
	for i := 0; i < 2; i++ {
		cpu.Add(1)
		go func() {
			defer cpu.Done()
			n := 0
			for atomic.LoadInt32(&stop) == 0 {
				n++
			}
		}()
	}
	t := time.Now()
	for i := 0; i < 8; i++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for j := 0; j < 10; j++ {
				b, err := os.ReadFile(big)
				if err != nil {
					fmt.Println(err)
				}
				atomic.AddInt64(&total, int64(len(b)))
			}
		}()
	}
	readers.Wait()
	phase := time.Since(t)
	atomic.StoreInt32(&stop, 1)
	cpu.Wait()
	os.Remove(big)
	os.Remove(small)
	fmt.Printf("read %d bytes\n", total)
	fmt.Printf("metric writefile_1mib %d\nmetric readfile_1mib %d\nmetric readfile_4kib %d\n", write, readBig, readSmall)
	fmt.Printf("metric read_phase %d\n", int64(phase))
}
