package main

import "fmt"

func check(n int) {
	if n > 2 {
		panic(fmt.Sprintf("n too big: %d", n))
	}
}

func main() {
	for i := 0; i < 5; i++ {
		check(i)
		fmt.Println("ok", i)
	}
}

// expect-status: 2
// expect-stdout: ok 0
// expect-stdout: ok 1
// expect-stdout: ok 2
// expect-stderr: panic: n too big: 3
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.check
// expect-trace: 	crash_panic_sprintf_value.go:7
// expect-trace: main.main
// expect-trace: 	crash_panic_sprintf_value.go:13
