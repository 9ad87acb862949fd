package main

import (
	"fmt"
	"time"
)

func leak() {
	ch := make(chan int)
	go func() {
		v := <-ch
		fmt.Println("got", v)
	}()
}

func main() {
	leak()
	time.Sleep(time.Millisecond)
	fmt.Println("done")
}
