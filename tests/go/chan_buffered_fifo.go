package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	ch <- 3
	fmt.Println(<-ch, <-ch)
	ch <- 4
	fmt.Println(<-ch, <-ch, len(ch))
}

// expect-status: 0
// expect-stdout: 2 3
// expect-stdout: 1 2
// expect-stdout: 3 4 0
