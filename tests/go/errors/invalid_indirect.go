package main

func main() {
	n := 3
	_ = *n
}

// expect-error: 5:7: invalid operation: cannot indirect n (variable of type int)
