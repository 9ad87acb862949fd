package main

import "fmt"

func main() {
	x := 1
	show := func() int { return x }
	x = 5
	fmt.Println(show())
	inc := func() { x++ }
	inc()
	inc()
	fmt.Println(x, show())
	adders := func(base int) func(int) int {
		return func(n int) int { base += n; return base }
	}
	add := adders(10)
	fmt.Println(add(1), add(2))
}

// expect-status: 0
// expect-stdout: 5
// expect-stdout: 7 7
// expect-stdout: 11 13
