package main

func main() {
	ch := make(chan int)
	ch <- 1
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan send]:
// expect-trace: main.main
// expect-trace: 	deadlock_chan_send.go:5
