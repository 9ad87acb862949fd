package main

func main() {
	ch := make(chan int, 1)
	ch <- "one"
}

// expect-error: 5:8: cannot use "one" (untyped string constant) as int value in send
