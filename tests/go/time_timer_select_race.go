package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan string)
	go func() {
		time.Sleep(40 * time.Millisecond)
		results <- "slow result"
	}()
	timer := time.NewTimer(20 * time.Millisecond)
	select {
	case r := <-results:
		fmt.Println(r)
	case <-timer.C:
		fmt.Println("gave up waiting")
	}
	fmt.Println(<-results)
}

// expect-status: 0
// expect-stdout: gave up waiting
// expect-stdout: slow result
