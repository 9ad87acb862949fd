package main

func add(a, b int) int { return a + b }

func main() {
	_ = add(1)
}

// expect-error: 6:10: not enough arguments in call to add
// expect-error-detail: 	have (number)
// expect-error-detail: 	want (int, int)
