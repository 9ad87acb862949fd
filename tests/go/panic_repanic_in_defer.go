package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(fmt.Sprint("again: ", r))
	}()
	panic("first")
}

// expect-status: 2
// expect-stdout: recovered first
// expect-stderr: panic: first [recovered]
// expect-stderr: 	panic: again: first
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	panic_repanic_in_defer.go:9
// expect-trace: main.main
// expect-trace: 	panic_repanic_in_defer.go:11
