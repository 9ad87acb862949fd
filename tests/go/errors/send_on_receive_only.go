package main

func fill(ch <-chan int) {
	ch <- 1
}

func main() {
	fill(make(chan int))
}

// expect-error: 4:2: invalid operation: cannot send to receive-only channel ch (variable of type <-chan int)
