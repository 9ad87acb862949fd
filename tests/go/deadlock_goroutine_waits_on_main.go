package main

import "fmt"

func main() {
	req := make(chan int)
	resp := make(chan int)
	go func() {
		v := <-req
		resp <- v * 2
	}()
	fmt.Println("waiting for a reply to a request never sent")
	fmt.Println(<-resp)
}

// expect-status: 2
// expect-stdout: waiting for a reply to a request never sent
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan receive]:
// expect-trace: main.main
// expect-trace: 	deadlock_goroutine_waits_on_main.go:13
// expect-trace: goroutine #2 [chan receive]:
// expect-trace: main.main.func1
// expect-trace: 	deadlock_goroutine_waits_on_main.go:9
// expect-trace: created by main.main
// expect-trace: 	deadlock_goroutine_waits_on_main.go:8
