package main

import "fmt"

func risky() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	fmt.Println("about to panic")
	panic("oops")
}

func main() {
	risky()
	fmt.Println("main continues")
}

// expect-status: 0
// expect-stdout: about to panic
// expect-stdout: recovered: oops
// expect-stdout: main continues
