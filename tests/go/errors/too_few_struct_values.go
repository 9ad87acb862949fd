package main

type Point struct{ X, Y, Z int }

func main() {
	p := Point{1, 2}
	_ = p
}

// expect-error: 6:17: too few values in Point{…}
