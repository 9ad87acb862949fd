package main

func double(a int) int { return 2 * a }

func main() {
	_ = double(1, 2)
}

// expect-error: 6:16: too many arguments in call to double
// expect-error-detail: 	have (number, number)
// expect-error-detail: 	want (int)
