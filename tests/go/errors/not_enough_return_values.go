package main

func f() (int, error) {
	return 1
}

func main() {
	f()
}

// expect-error: 4:9: not enough return values
// expect-error-detail: 	have (number)
// expect-error-detail: 	want (int, error)
