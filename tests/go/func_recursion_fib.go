package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func fact(n int64) int64 {
	if n == 0 {
		return 1
	}
	return n * fact(n-1)
}

func main() {
	for i := 0; i <= 10; i++ {
		fmt.Print(" ", fib(i))
	}
	fmt.Println()
	fmt.Println(fact(20))
}

// expect-status: 0
// expect-stdout:  0 1 1 2 3 5 8 13 21 34 55
// expect-stdout: 2432902008176640000
