package main

import "fmt"

func main() {
	for n := 0; n < 4; n++ {
		fmt.Print(n, ":")
		switch n {
		case 0:
			fmt.Print(" zero")
			fallthrough
		case 1:
			fmt.Print(" le-one")
			fallthrough
		case 2:
			fmt.Print(" le-two")
		default:
			fmt.Print(" big")
		}
		fmt.Println()
	}
}

// expect-status: 0
// expect-stdout: 0: zero le-one le-two
// expect-stdout: 1: le-one le-two
// expect-stdout: 2: le-two
// expect-stdout: 3: big
