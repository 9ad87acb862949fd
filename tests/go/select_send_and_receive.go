package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	for i := 0; i < 6; i++ {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		case v := <-ch:
			fmt.Println("received", v)
		}
	}
}

// expect-status: 0
// expect-stdout: sent 0
// expect-stdout: received 0
// expect-stdout: sent 2
// expect-stdout: received 2
// expect-stdout: sent 4
// expect-stdout: received 4
