package main

import "fmt"

func main() {
	xs := []int{1, 2, 3}
	i := 5
	fmt.Println("len", len(xs))
	fmt.Println(xs[i])
}

// expect-status: 2
// expect-stdout: len 3
// expect-stderr: panic: runtime error: index out of range [5] with length 3
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_index_out_of_range.go:9
