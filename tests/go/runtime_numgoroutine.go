package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.NumGoroutine())
	block := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { <-block }()
	}
	fmt.Println(runtime.NumGoroutine())
}

// expect-status: 0
// expect-stdout: 1
// expect-stdout: 4
