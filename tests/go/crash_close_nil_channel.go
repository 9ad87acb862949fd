package main

func main() {
	var ch chan bool
	close(ch)
}

// expect-status: 2
// expect-stderr: panic: close of nil channel
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_close_nil_channel.go:5
