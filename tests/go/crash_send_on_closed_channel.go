package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	fmt.Println("closed")
	ch <- 1
}

// expect-status: 2
// expect-stdout: closed
// expect-stderr: panic: send on closed channel
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_send_on_closed_channel.go:9
