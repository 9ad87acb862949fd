package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func mustPositive(n int) {
	if n < 0 {
		panic(errors.New("negative"))
	}
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	func() {
		defer func() { fmt.Println("got", recover()) }()
		mustPositive(-1)
	}()
}

// expect-status: 0
// expect-stdout: 3 <nil>
// expect-stdout: 0 recovered: runtime error: integer divide by zero
// expect-stdout: got negative
