package main

func work() {}

func main() {
	go work
}

// expect-error: 6:5: expression in go must be function call
