package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	for i := 0; i < 5; i++ {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full at", i)
		}
	}
	close(ch)
	for v := range ch {
		fmt.Print(v)
	}
	fmt.Println()
}

// expect-status: 0
// expect-stdout: sent 0
// expect-stdout: sent 1
// expect-stdout: sent 2
// expect-stdout: full at 3
// expect-stdout: full at 4
// expect-stdout: 012
