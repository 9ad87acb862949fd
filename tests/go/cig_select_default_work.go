package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan interface{})
	go func() {
		time.Sleep(50 * time.Millisecond)
		close(done)
	}()
	workCounter := 0
loop:
	for {
		select {
		case <-done:
			break loop
		default:
		}
		workCounter++
		time.Sleep(20 * time.Millisecond)
	}
	fmt.Printf("Achieved %v cycles of work before signalled to stop.\n", workCounter)
}

// expect-status: 0
// expect-stdout: Achieved 3 cycles of work before signalled to stop.
