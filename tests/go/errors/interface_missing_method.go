package main

type Shape interface {
	Area() int
	Perimeter() int
}

type Square struct{ s int }

func (q Square) Area() int { return q.s * q.s }

func main() {
	var sh Shape = Square{2}
	_ = sh
}

// expect-error: 13:17: cannot use Square{…} (value of type Square) as type Shape in variable declaration:
// expect-error-detail: 	Square does not implement Shape (missing Perimeter method)
