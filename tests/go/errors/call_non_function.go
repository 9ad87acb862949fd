package main

func main() {
	x := 5
	x()
}

// expect-error: 5:2: invalid operation: cannot call non-function x (variable of type int)
