package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string {
	if c == Red {
		return "red"
	}
	return "green"
}

type Pair struct{ A, B Color }

func main() {
	fmt.Println(Red, Green)
	fmt.Printf("%v %s %d\n", Green, Red, Green)
	fmt.Println(Pair{Green, Red}, []Color{Red, Green})
}

// expect-status: 0
// expect-stdout: red green
// expect-stdout: green red 1
// expect-stdout: {green red} [red green]
