package main

func answer() int { return 1 }

func main() {
	a, b := answer()
	_, _ = a, b
}

// expect-error: 6:10: assignment mismatch: 2 variables but answer returns 1 value
