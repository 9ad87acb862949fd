package main

import "fmt"

func avg(total, n int) int { return total / n }

func main() {
	fmt.Println(avg(10, 2))
	fmt.Println(avg(10, 0))
}

// expect-status: 2
// expect-stdout: 5
// expect-stderr: panic: runtime error: integer divide by zero
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.avg
// expect-trace: 	crash_divide_by_zero.go:5
// expect-trace: main.main
// expect-trace: 	crash_divide_by_zero.go:9
