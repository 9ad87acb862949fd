package main

import (
	"fmt"
	"math/rand"
)

func main() {
	exited := make(chan struct{})
	newRandStream := func(done <-chan interface{}) <-chan int {
		randStream := make(chan int)
		go func() {
			defer close(exited)
			defer fmt.Println("newRandStream closure exited.")
			defer close(randStream)
			for {
				select {
				case randStream <- rand.Int():
				case <-done:
					return
				}
			}
		}()
		return randStream
	}
	done := make(chan interface{})
	randStream := newRandStream(done)
	fmt.Println("3 random ints:")
	for i := 1; i <= 3; i++ {
		fmt.Printf("%d: non-negative %v\n", i, <-randStream >= 0)
	}
	close(done)
	<-exited
}

// expect-status: 0
// expect-stdout: 3 random ints:
// expect-stdout: 1: non-negative true
// expect-stdout: 2: non-negative true
// expect-stdout: 3: non-negative true
// expect-stdout: newRandStream closure exited.
