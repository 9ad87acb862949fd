package main

import "fmt"

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	xs := []int{0, 0, 0}
	i := 0
	i, xs[i] = 1, 9
	fmt.Println(i, xs)
	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	fmt.Println(x, y, z)
	m := map[string]int{}
	m["a"], m["b"] = len(m), 5
	fmt.Println(m)
}

// expect-status: 0
// expect-stdout: 2 1
// expect-stdout: 1 [9 0 0]
// expect-stdout: 3 1 2
// expect-stdout: map[a:0 b:5]
