package main

import "fmt"

func Map[T any](xs []T, f func(T) T) []T {
	for i := range xs {
		xs[i] = f(xs[i])
	}
	return xs
}

func main() {
	fmt.Println(Map([]int{1, 2}, func(x int) int { return x * 2 }))
}

// expect-error: 5:9: interleave does not support generics
