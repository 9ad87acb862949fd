package main

import (
	"fmt"
	"sync"
)

func half(n int) int {
	if n > 0 {
		return n / 2
	}
}

func main() {
	count := 0
	x := 1
	x := 2
	fmt.Println(half(3, 4), y)
}
