package main

import "fmt"

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func minMax(xs ...int) (int, int) {
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return lo, hi
}

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	_, r2 := divmod(9, 4)
	fmt.Println(r2)
	fmt.Println(minMax(3, -1, 8, 2))
	fmt.Println(divmod(minMax(4, 12)))
}

// expect-status: 0
// expect-stdout: 3 2
// expect-stdout: 1
// expect-stdout: -1 8
// expect-stdout: 0 4
