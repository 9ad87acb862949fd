package main

import "fmt"

func main() {
	s := make([]int, 2, 3)
	n := 5
	fmt.Println(s[:n])
}

// expect-status: 2
// expect-stderr: panic: runtime error: slice bounds out of range [:5] with capacity 3
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_slice_bounds.go:8
