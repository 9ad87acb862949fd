package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recover() returns nil after panic(nil):", recover() == nil)
		panic(nil)
	}()
	panic(nil)
}

// expect-status: 2
// expect-stdout: recover() returns nil after panic(nil): true
// expect-stderr: panic: nil [recovered]
// expect-stderr: 	panic: nil
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	crash_panic_nil.go:8
// expect-trace: main.main
// expect-trace: 	crash_panic_nil.go:10
