package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		for range time.Tick(time.Millisecond) {
		}
	}()
	src := make(chan int)
	out := make(chan int)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			src <- i
		}
	}()
	go func() {
		for v := range src {
			out <- v * 2
		}
		close(out)
	}()
	go func() {
		for v := range out {
			fmt.Println(v)
		}
		done <- true
	}()
	<-done
}
