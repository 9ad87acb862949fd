package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	n := 0
	for range time.Tick(10 * time.Millisecond) {
		n++
		fmt.Println("tick", n)
		if n == 3 {
			break
		}
	}
	fmt.Println(time.Since(start) >= 30*time.Millisecond)
}

// expect-status: 0
// expect-stdout: tick 1
// expect-stdout: tick 2
// expect-stdout: tick 3
// expect-stdout: true
