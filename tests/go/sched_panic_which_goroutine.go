// outcomes: several (whichever worker reaches its panic first crashes the program)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			<-start
			panic(fmt.Sprint("worker ", id))
		}(i)
	}
	close(start)
	wg.Wait()
}

// schedule: 1x18.2x4 (worker 1 reaches its panic first)
// outcome: observed
// expect-status: 2
// expect-stderr: panic: worker 2
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	sched_panic_which_goroutine.go:17
// expect-trace: created by main.main
// expect-trace: 	sched_panic_which_goroutine.go:14
// outcome: observed
// expect-status: 2
// expect-stderr: panic: worker 2
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	sched_panic_which_goroutine.go:17
// expect-trace: created by main.main
// expect-trace: 	sched_panic_which_goroutine.go:14
// expect-trace: panic: worker 1
// expect-trace: goroutine #2 [running]:
// expect-trace: main.main.func1
// expect-trace: 	sched_panic_which_goroutine.go:17
// expect-trace: created by main.main
// expect-trace: 	sched_panic_which_goroutine.go:14
// outcome: observed
// expect-status: 2
// expect-stderr: panic: worker 1
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	sched_panic_which_goroutine.go:17
// expect-trace: created by main.main
// expect-trace: 	sched_panic_which_goroutine.go:14
// outcome: observed
// expect-status: 2
// expect-stderr: panic: worker 1
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	sched_panic_which_goroutine.go:17
// expect-trace: created by main.main
// expect-trace: 	sched_panic_which_goroutine.go:14
// expect-trace: panic: worker 2
// expect-trace: goroutine #2 [running]:
// expect-trace: main.main.func1
// expect-trace: 	sched_panic_which_goroutine.go:17
// expect-trace: created by main.main
// expect-trace: 	sched_panic_which_goroutine.go:14
