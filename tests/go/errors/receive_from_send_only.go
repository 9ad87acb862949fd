package main

func drain(ch chan<- int) {
	<-ch
}

func main() {
	drain(make(chan int))
}

// expect-error: 4:4: invalid operation: cannot receive from send-only channel ch (variable of type chan<- int)
