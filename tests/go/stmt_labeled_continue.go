package main

import "fmt"

func main() {
	count := 0
rows:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j > i {
				continue rows
			}
			count++
		}
	}
	fmt.Println(count)
primes:
	for n := 2; n < 20; n++ {
		for d := 2; d*d <= n; d++ {
			if n%d == 0 {
				continue primes
			}
		}
		fmt.Print(" ", n)
	}
	fmt.Println()
}

// expect-status: 0
// expect-stdout: 10
// expect-stdout:  2 3 5 7 11 13 17 19
