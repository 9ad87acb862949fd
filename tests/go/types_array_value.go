package main

import "fmt"

func zero(a [3]int) { a[0] = 0 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 100
	zero(a)
	fmt.Println(a, b, len(a))
	c := [...]string{"x", "y"}
	var d [4]bool
	d[2] = true
	fmt.Println(c, len(c), d, a == [3]int{1, 2, 3})
	var grid [2][3]int
	grid[1][2] = 5
	fmt.Println(grid)
}

// expect-status: 0
// expect-stdout: [1 2 3] [100 2 3] 3
// expect-stdout: [x y] 2 [false false true false] true
// expect-stdout: [[0 0 0] [0 0 5]]
