package main

import "fmt"

func main() {
	ch := make(chan string)
	done := make(chan bool)
	go func() {
		msg := <-ch
		fmt.Println("received", msg)
		done <- true
	}()
	ch <- "ping"
	<-done
	fmt.Println("sender done")
}

// expect-status: 0
// expect-stdout: received ping
// expect-stdout: sender done
