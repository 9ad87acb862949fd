package main

import "fmt"

func main() {
	xs := []int{1, 2, 3}
	for i, x := range xs {
		if i == 0 {
			xs = append(xs, 4)
			xs[2] = 30
		}
		fmt.Print(x, " ")
	}
	fmt.Println(len(xs))
}

// expect-status: 0
// expect-stdout: 1 2 3 4
