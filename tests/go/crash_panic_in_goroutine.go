package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
}

func main() {
	go worker(2)
	time.Sleep(time.Second)
	fmt.Println("not reached")
}

// expect-status: 2
// expect-stderr: panic: worker 2 failed
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.worker
// expect-trace: 	crash_panic_in_goroutine.go:10
// expect-trace: created by main.main
// expect-trace: 	crash_panic_in_goroutine.go:15
