package main

func main() {
	var ch chan int
	<-ch
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan receive (nil chan)]:
// expect-trace: main.main
// expect-trace: 	deadlock_nil_chan_receive.go:5
