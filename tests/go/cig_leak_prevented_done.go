package main

import (
	"fmt"
	"time"
)

func main() {
	doWork := func(done <-chan interface{}, strings <-chan string) <-chan interface{} {
		terminated := make(chan interface{})
		go func() {
			defer fmt.Println("doWork exited.")
			defer close(terminated)
			for {
				select {
				case s := <-strings:
					fmt.Println(s)
				case <-done:
					return
				}
			}
		}()
		return terminated
	}
	done := make(chan interface{})
	terminated := doWork(done, nil)
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("Canceling doWork goroutine...")
		close(done)
	}()
	<-terminated
	time.Sleep(5 * time.Millisecond)
	fmt.Println("Done.")
}

// expect-status: 0
// expect-stdout: Canceling doWork goroutine...
// expect-stdout: doWork exited.
// expect-stdout: Done.
