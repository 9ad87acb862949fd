package main

import "fmt"

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) Sum() int {
	if t == nil {
		return 0
	}
	return t.Val + t.Left.Sum() + t.Right.Sum()
}

func main() {
	fmt.Println(isEven(10), isOdd(7), isEven(3))
	t := &Tree{&Tree{nil, nil, 2}, &Tree{&Tree{nil, nil, 4}, nil, 3}, 1}
	fmt.Println(t.Sum())
}

// expect-status: 0
// expect-stdout: true true false
// expect-stdout: 10
