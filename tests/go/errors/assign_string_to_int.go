package main

func main() {
	var n int
	n = "hello"
	_ = n
}

// expect-error: 5:6: cannot use "hello" (untyped string constant) as int value in assignment
