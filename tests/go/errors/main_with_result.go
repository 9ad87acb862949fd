package main

func main() int {
	return 0
}

// expect-error: 3:6: func main must have no arguments and no return values
