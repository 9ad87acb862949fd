package main

import (
	"fmt"
	"time"
)

func main() {
	var c <-chan int
	select {
	case <-c:
	case <-time.After(10 * time.Millisecond):
		fmt.Println("Timed out.")
	}
}

// expect-status: 0
// expect-stdout: Timed out.
