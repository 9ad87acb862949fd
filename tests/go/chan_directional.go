package main

import "fmt"

func produce(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func consume(in <-chan int, done chan<- int) {
	total := 0
	for v := range in {
		total += v
	}
	done <- total
}

func main() {
	ch := make(chan int)
	done := make(chan int)
	go produce(ch, 5)
	go consume(ch, done)
	fmt.Println(<-done)
	var recvOnly <-chan int = ch
	fmt.Printf("%T %T\n", recvOnly, (chan<- int)(ch))
}

// expect-status: 0
// expect-stdout: 10
// expect-stdout: <-chan int chan<- int
