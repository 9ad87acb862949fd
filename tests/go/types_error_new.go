package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func find(xs []int, x int) (int, error) {
	for i, v := range xs {
		if v == x {
			return i, nil
		}
	}
	return -1, ErrNotFound
}

func main() {
	i, err := find([]int{4, 5, 6}, 5)
	fmt.Println(i, err)
	_, err = find(nil, 1)
	fmt.Println(err, err == ErrNotFound, err.Error())
	fmt.Println(errors.New("x") == errors.New("x"))
}

// expect-status: 0
// expect-stdout: 1 <nil>
// expect-stdout: not found true not found
// expect-stdout: false
