package main

func main() {
	var n int = 2.5
	_ = n
}

// expect-error: 4:14: cannot use 2.5 (untyped float constant) as int value in variable declaration (truncated)
