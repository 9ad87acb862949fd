package main

import "fmt"

func main() {
	for i := range 10 {
		fmt.Println(i)
	}
}

// expect-error: 6:17: cannot range over 10 (untyped int constant)
