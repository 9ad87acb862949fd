package main

import "fmt"

func apply(f func(int) int, xs []int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func double(x int) int { return 2 * x }

func main() {
	fmt.Println(apply(double, []int{1, 2, 3}))
	square := func(x int) int { return x * x }
	fmt.Println(apply(square, []int{4, 5}))
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
	}
	fmt.Println(ops["add"](3, 4), ops["sub"](3, 4))
	var f func()
	fmt.Println(f == nil)
}

// expect-status: 0
// expect-stdout: [2 4 6]
// expect-stdout: [16 25]
// expect-stdout: 7 -1
// expect-stdout: true
