package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("closure sees", i) }()
	}
	for i := 0; i < 3; i++ {
		defer func(n int) { fmt.Println("argument", n) }(i)
	}
}

// expect-status: 0
// expect-stdout: argument 2
// expect-stdout: argument 1
// expect-stdout: argument 0
// expect-stdout: closure sees 3
// expect-stdout: closure sees 3
// expect-stdout: closure sees 3
