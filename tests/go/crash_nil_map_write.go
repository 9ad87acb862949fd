package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println("read is fine:", m["x"])
	m["x"] = 1
}

// expect-status: 2
// expect-stdout: read is fine: 0
// expect-stderr: panic: assignment to entry in nil map
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_nil_map_write.go:8
