package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("elapsed, rounded:", time.Since(start).Round(10*time.Millisecond))
	deadline := start.Add(100 * time.Millisecond)
	fmt.Println("before deadline:", time.Now().Before(deadline))
	fmt.Println("left, truncated:", time.Until(deadline).Truncate(50*time.Millisecond))
}

// expect-status: 0
// expect-stdout: elapsed, rounded: 20ms
// expect-stdout: before deadline: true
// expect-stdout: left, truncated: 50ms
