package main

import "fmt"

func main() {
	defer fmt.Println("deferred in main")
	func() {
		defer fmt.Println("deferred in inner")
		panic("something broke")
	}()
	fmt.Println("not reached")
}

// expect-status: 2
// expect-stdout: deferred in inner
// expect-stdout: deferred in main
// expect-stderr: panic: something broke
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	panic_defer_runs_before_crash.go:9
// expect-trace: main.main
// expect-trace: 	panic_defer_runs_before_crash.go:10
