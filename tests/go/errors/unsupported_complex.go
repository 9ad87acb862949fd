package main

import "fmt"

func main() {
	var z complex128 = complex(1, 2)
	fmt.Println(z * z)
}

// expect-error: 6:8: interleave does not support complex numbers
