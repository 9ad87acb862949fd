package main

func main() {
	n := int("42")
	_ = n
}

// expect-error: 4:11: cannot convert "42" (untyped string constant) to type int
