package main

import "fmt"

func main() {
	ch := make(chan string)
	go func() {
		ch <- "a"
		ch <- "b"
		close(ch)
	}()
	for {
		s, ok := <-ch
		if !ok {
			fmt.Println("closed")
			break
		}
		fmt.Println("got", s)
	}
}

// expect-status: 0
// expect-stdout: got a
// expect-stdout: got b
// expect-stdout: closed
