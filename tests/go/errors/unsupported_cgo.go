package main

import "C"

import "fmt"

func main() {
	fmt.Println("cgo")
}

// expect-error: 3:8: interleave does not support cgo
