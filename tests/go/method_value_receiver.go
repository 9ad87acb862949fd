package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) Moved(dx int) Point {
	p.X += dx
	return p
}

func (p Point) TryMove(dx int) { p.X += dx }

func main() {
	p := Point{1, 2}
	q := p.Moved(10)
	p.TryMove(100)
	fmt.Println(p, q)
	pp := &p
	fmt.Println(pp.Moved(1))
}

// expect-status: 0
// expect-stdout: {1 2} {11 2}
// expect-stdout: {2 2}
