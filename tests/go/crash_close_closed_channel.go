package main

func main() {
	ch := make(chan int)
	close(ch)
	close(ch)
}

// expect-status: 2
// expect-stderr: panic: close of closed channel
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_close_closed_channel.go:6
