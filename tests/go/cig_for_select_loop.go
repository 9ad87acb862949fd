package main

import "fmt"

func main() {
	done := make(chan interface{})
	stringStream := make(chan string)
	go func() {
		defer close(stringStream)
		for _, s := range []string{"a", "b", "c"} {
			select {
			case <-done:
				return
			case stringStream <- s:
			}
		}
	}()
	for s := range stringStream {
		fmt.Println(s)
	}
	close(done)
}

// expect-status: 0
// expect-stdout: a
// expect-stdout: b
// expect-stdout: c
