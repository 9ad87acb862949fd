package main

import "fmt"

func main() {
	base := make([]int, 5, 8)
	for i := range base {
		base[i] = i
	}
	a := base[1:3]
	a[0] = 10
	fmt.Println(base, a)
	a = append(a, 99)
	fmt.Println(base, a)
	b := base[:]
	b[4] = 44
	fmt.Println(base[4], len(b), cap(base[2:]))
}

// expect-status: 0
// expect-stdout: [0 10 2 3 4] [10 2]
// expect-stdout: [0 10 2 99 4] [10 2 99]
// expect-stdout: 44 5 6
