package main

import "fmt"

func main() {
	fmt.Println(uint8(200) + uint8(100))
}

// expect-error: 6:14: uint8(200) + uint8(100) (constant 300 of type uint8) overflows uint8
