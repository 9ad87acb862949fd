package main

func main() {
	n := 5
	_ = n.(int)
}

// expect-error: 5:6: invalid operation: n (variable of type int) is not an interface
