package main

import "fmt"

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ W, H int }
type Square struct{ S int }

func (r Rect) Area() int       { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (s *Square) Area() int    { return s.S * s.S }
func (s *Square) Name() string { return "square" }

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}}
	total := 0
	for _, s := range shapes {
		fmt.Println(s.Name(), s.Area())
		total += s.Area()
	}
	fmt.Println("total", total)
	var s Shape = Rect{1, 1}
	_, isRect := s.(Rect)
	fmt.Println(isRect)
}

// expect-status: 0
// expect-stdout: rect 6
// expect-stdout: square 16
// expect-stdout: total 22
// expect-stdout: true
