package main

import "fmt"

func main() {
	fmt.Println("blocking forever")
	select {}
}

// expect-status: 2
// expect-stdout: blocking forever
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [select (no cases)]:
// expect-trace: main.main
// expect-trace: 	deadlock_select_no_cases.go:7
