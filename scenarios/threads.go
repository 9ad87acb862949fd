// title: Threads: blocking system calls
// summary: Two goroutines block their threads in read(2) while three compute; sysmon hands their cores to other threads, and Go starts a new one.
// lesson: 8
// cores: 2
// policy: go
// notes: Goroutines are not threads: Go runs them on a few OS threads (Ms), one per core
// notes: (P) at a time. A system call such as read(2) blocks the thread together with
// notes: its goroutine, and at first the core stays with that thread. sysmon, the runtime's
// notes: monitor thread, looks every 20 us to 10 ms; once it has seen the same call at two
// notes: looks it takes the core and hands it to another thread, so the computing
// notes: goroutines keep both cores busy. Here both readers are in the kernel at once and
// notes: no thread is idle, so Go starts a fifth one. When a read returns, its thread
// notes: finds both cores taken: the goroutine queues and the thread parks; Go keeps
// notes: parked threads, so threads= (--schedtrace) stays at 5 and idlethreads= grows.
// look: Watch core 1 while G3 is in read(2): it shows the blocked thread until sysmon
// look: takes it; then G2 blocks there too, and a new thread, M4, picks up a computing
// look: goroutine.
// beat: syscall G3: G3 enters read(2): its thread M3 blocks in the kernel, holding core 1
// beat: handoff: sysmon takes core 1 from the blocked M3 and gives it to an idle thread
// beat: thread-new: G2 blocks in read(2) too; no thread is idle, so Go starts a new one, M4
// beat: syscall-return G3: G3's read is done, but both cores are busy: G3 waits for one and M3 parks
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	data := make([]byte, 2<<20)
	if err := os.WriteFile("big.dat", data, 0644); err != nil {
		fmt.Println(err)
		return
	}

	var wg sync.WaitGroup
	sizes := make([]int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) { // blocks its thread in read(2)
			defer wg.Done()
			b, err := os.ReadFile("big.dat")
			if err != nil {
				fmt.Println(err)
			}
			sizes[i] = len(b)
		}(i)
	}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { // computes for a few milliseconds
			defer wg.Done()
			n := 0
			for i := 0; i < 2000000; i++ {
				n += i % 7
			}
		}()
	}
	wg.Wait()
	fmt.Println("2 goroutines read", sizes[0], "and", sizes[1], "bytes while 3 others computed")
}
