package main

func main() {
	x := 10
	_ = x / 0
}

// expect-error: 5:10: invalid operation: division by zero
