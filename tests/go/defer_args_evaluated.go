package main

import "fmt"

func trace(msg string) string {
	fmt.Println("enter", msg)
	return msg
}

func un(msg string) { fmt.Println("leave", msg) }

func main() {
	x := 1
	defer fmt.Println("deferred x =", x)
	x = 2
	defer func() { fmt.Println("closure x =", x) }()
	x = 3
	defer un(trace("main"))
	fmt.Println("body x =", x)
}

// expect-status: 0
// expect-stdout: enter main
// expect-stdout: body x = 3
// expect-stdout: leave main
// expect-stdout: closure x = 3
// expect-stdout: deferred x = 1
