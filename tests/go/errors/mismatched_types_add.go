package main

import "fmt"

func main() {
	n := 3
	s := "x"
	fmt.Println(n + s)
}

// expect-error: 8:14: invalid operation: n + s (mismatched types int and string)
