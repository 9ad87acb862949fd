package main

func main() {
	xs := []int{1, 2, 3}
	_ = xs[-1]
}

// expect-error: 5:9: invalid argument: index -1 (constant of type int) must not be negative
