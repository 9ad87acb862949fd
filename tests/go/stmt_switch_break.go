package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			fmt.Println("break leaves the switch only")
			break
			fmt.Println("unreachable")
		default:
			fmt.Println("i =", i)
		}
	}
}

// expect-status: 0
// expect-stdout: i = 0
// expect-stdout: break leaves the switch only
// expect-stdout: i = 2
