package main

func f() int {
	return 1, 2
}

func main() {
	_ = f()
}

// expect-error: 4:12: too many return values
// expect-error-detail: 	have (number, number)
// expect-error-detail: 	want (int)
