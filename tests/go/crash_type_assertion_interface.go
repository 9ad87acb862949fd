package main

import "fmt"

type Named interface{ Name() string }

type T struct{}

func main() {
	var v interface{} = T{}
	fmt.Println(v.(Named).Name())
}

// expect-status: 2
// expect-stderr: panic: interface conversion: main.T is not main.Named: missing method Name
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_type_assertion_interface.go:11
