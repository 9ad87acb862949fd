package main

import "fmt"

func main() {
	xs := []int{5, 6, 7}
	for i, x := range xs {
		fmt.Println(i, x)
	}
	for i := range xs {
		xs[i] *= 2
	}
	sum := 0
	for _, x := range xs {
		sum += x
	}
	fmt.Println(xs, sum)
	count := 0
	for range xs {
		count++
	}
	arr := [3]string{"x", "y", "z"}
	for i, s := range arr {
		arr[2] = "changed"
		fmt.Print(i, s, " ")
	}
	fmt.Println(count)
}

// expect-status: 0
// expect-stdout: 0 5
// expect-stdout: 1 6
// expect-stdout: 2 7
// expect-stdout: [10 12 14] 36
// expect-stdout: 0x 1y 2z 3
