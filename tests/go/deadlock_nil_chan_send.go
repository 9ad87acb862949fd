package main

func main() {
	var ch chan string
	ch <- "lost"
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan send (nil chan)]:
// expect-trace: main.main
// expect-trace: 	deadlock_nil_chan_send.go:5
