package main

import "fmt"

func main() {
	chanOwner := func() <-chan int {
		resultStream := make(chan int, 5)
		go func() {
			defer close(resultStream)
			for i := 0; i <= 5; i++ {
				resultStream <- i
			}
		}()
		return resultStream
	}
	resultStream := chanOwner()
	for result := range resultStream {
		fmt.Printf("Received: %d\n", result)
	}
	fmt.Println("Done receiving!")
}

// expect-status: 0
// expect-stdout: Received: 0
// expect-stdout: Received: 1
// expect-stdout: Received: 2
// expect-stdout: Received: 3
// expect-stdout: Received: 4
// expect-stdout: Received: 5
// expect-stdout: Done receiving!
