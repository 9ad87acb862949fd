package main

func main() {
	a := 1
	a := 2
	_ = a
}

// expect-error: 5:4: no new variables on left side of :=
