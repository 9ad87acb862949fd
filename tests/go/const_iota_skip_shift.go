package main

import "fmt"

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	x, y = iota, iota + 100
	z, w
)

const (
	A = iota
	_
	C
	D = "d"
	E
	F = iota
)

func main() {
	fmt.Println(KB, MB, GB)
	fmt.Println(x, y, z, w)
	fmt.Println(A, C, D, E, F)
}

// expect-status: 0
// expect-stdout: 1024 1048576 1073741824
// expect-stdout: 0 100 1 101
// expect-stdout: 0 2 d d 5
