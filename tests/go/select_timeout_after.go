package main

import (
	"fmt"
	"time"
)

func main() {
	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("got", v)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out")
	}
	quick := make(chan int, 1)
	quick <- 7
	select {
	case v := <-quick:
		fmt.Println("got", v)
	case <-time.After(time.Second):
		fmt.Println("timed out")
	}
}

// expect-status: 0
// expect-stdout: timed out
// expect-stdout: got 7
