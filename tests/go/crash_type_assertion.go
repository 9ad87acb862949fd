package main

import "fmt"

func main() {
	var v interface{} = "text"
	n := v.(int)
	fmt.Println(n)
}

// expect-status: 2
// expect-stderr: panic: interface conversion: interface {} is string, not int
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_type_assertion.go:7
