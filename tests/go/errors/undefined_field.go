package main

type Point struct{ X, Y int }

func main() {
	p := Point{1, 2}
	p.Z = 3
}

// expect-error: 7:4: p.Z undefined (type Point has no field or method Z)
