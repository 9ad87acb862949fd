package main

import "fmt"

func main() {
	sum := 0
	for i := 1; i <= 10; i++ {
		sum += i
	}
	fmt.Println(sum)
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k == 4 {
			break
		}
		if k%2 == 0 {
			continue
		}
		fmt.Println("odd", k)
	}
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(" ", i, ":", j)
	}
	fmt.Println()
}

// expect-status: 0
// expect-stdout: 55
// expect-stdout: 243
// expect-stdout: odd 1
// expect-stdout: odd 3
// expect-stdout:  0:10 1:8 2:6 3:4
