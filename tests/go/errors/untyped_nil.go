package main

func main() {
	x := nil
	_ = x
}

// expect-error: 4:7: use of untyped nil in assignment
