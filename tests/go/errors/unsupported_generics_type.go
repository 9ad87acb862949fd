package main

import "fmt"

type Stack[T any] struct {
	items []T
}

func main() {
	var s Stack[int]
	fmt.Println(len(s.items))
}

// expect-error: 5:11: interleave does not support generics
