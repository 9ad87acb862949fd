package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	go func() {
		time.Sleep(50 * time.Millisecond)
		done <- true
	}()
	select {
	case <-done:
		fmt.Println("worker finished first")
	case <-time.After(2 * time.Second):
		fmt.Println("timeout")
	}
}

// expect-status: 0
// expect-stdout: worker finished first
