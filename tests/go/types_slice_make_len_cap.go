package main

import "fmt"

func main() {
	s := make([]int, 3)
	t := make([]int, 2, 10)
	fmt.Println(s, len(s), cap(s))
	fmt.Println(t, len(t), cap(t))
	t = append(t, 7)
	fmt.Println(t, len(t), cap(t))
	u := t[1:3]
	fmt.Println(u, len(u), cap(u))
	var n []int
	fmt.Println(n == nil, len(n), cap(n), n)
}

// expect-status: 0
// expect-stdout: [0 0 0] 3 3
// expect-stdout: [0 0] 2 10
// expect-stdout: [0 0 7] 3 10
// expect-stdout: [0 7] 2 9
// expect-stdout: true 0 0 []
