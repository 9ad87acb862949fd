package main

import "fmt"

func main() {
	ch := make(chan string, 2)
	ch <- "buffered"
	ch <- "channel"
	fmt.Println("two sends without a receiver did not block")
	fmt.Println(<-ch)
	fmt.Println(<-ch)
	var nilch chan int
	fmt.Println(nilch == nil, len(nilch), cap(nilch))
}

// expect-status: 0
// expect-stdout: two sends without a receiver did not block
// expect-stdout: buffered
// expect-stdout: channel
// expect-stdout: true 0 0
