// outcomes: several (after the handoff both goroutines print; either may go first)
package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		v := <-ch
		fmt.Println("received", v)
		done <- true
	}()
	ch <- 1
	fmt.Println("sent")
	<-done
}

// schedule: 1x14.2x2 (main prints before the receiver)
// outcome: by hand (main prints before the receiver)
// expect-status: 0
// expect-stdout: sent
// expect-stdout: received 1
// outcome: observed
// expect-status: 0
// expect-stdout: received 1
// expect-stdout: sent
