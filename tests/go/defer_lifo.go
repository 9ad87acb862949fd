package main

import "fmt"

func main() {
	defer fmt.Println("first deferred, runs last")
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	fmt.Println("body done")
}

// expect-status: 0
// expect-stdout: body done
// expect-stdout: loop defer 2
// expect-stdout: loop defer 1
// expect-stdout: loop defer 0
// expect-stdout: first deferred, runs last
