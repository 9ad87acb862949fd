package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 10
	ch <- 20
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
	fmt.Println(<-ch, len(ch))
}

// expect-status: 0
// expect-stdout: 10 true
// expect-stdout: 20 true
// expect-stdout: 0 false
// expect-stdout: 0 0
