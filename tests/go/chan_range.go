package main

import "fmt"

func main() {
	squares := make(chan int)
	go func() {
		defer close(squares)
		for i := 1; i <= 5; i++ {
			squares <- i * i
		}
	}()
	sum := 0
	for v := range squares {
		fmt.Print(v, " ")
		sum += v
	}
	fmt.Println("sum", sum)
}

// expect-status: 0
// expect-stdout: 1 4 9 16 25 sum 55
