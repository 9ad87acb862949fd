package main

func stop(ch <-chan int) {
	close(ch)
}

func main() {
	stop(make(chan int))
}

// expect-error: 4:8: invalid operation: cannot close receive-only channel ch (variable of type <-chan int)
