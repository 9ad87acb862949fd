package main

func main() {
	a, b := true, false
	_ = a + b
}

// expect-error: 5:6: invalid operation: operator + not defined on a (variable of type bool)
