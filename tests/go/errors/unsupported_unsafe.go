package main

import (
	"fmt"
	"unsafe"
)

func main() {
	var x int64
	fmt.Println(unsafe.Sizeof(x))
}

// expect-error: 5:2: interleave does not support package unsafe
