package main

func main() {
	var a chan int
	var b chan int
	select {
	case <-a:
	case b <- 1:
	}
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [select]:
// expect-trace: main.main
// expect-trace: 	deadlock_nil_chans_select.go:6
