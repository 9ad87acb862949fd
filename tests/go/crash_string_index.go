package main

import "fmt"

func main() {
	s := "abc"
	i := -1
	i += len(s) + 1
	fmt.Println(s[i])
}

// expect-status: 2
// expect-stderr: panic: runtime error: index out of range [3] with length 3
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_string_index.go:9
