package main

import "fmt"

func main() {
	var funcs []func() int
	for i := 0; i < 3; i++ {
		i := i
		funcs = append(funcs, func() int { return i * 10 })
	}
	for _, v := range []int{7, 8} {
		v := v
		funcs = append(funcs, func() int { return v })
	}
	for _, f := range funcs {
		fmt.Print(" ", f())
	}
	fmt.Println()
}

// expect-status: 0
// expect-stdout:  0 10 20 7 8
