package main

func main() {
	count := 0
}

// expect-error: 4:2: count declared but not used
