package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	done := false
	go func() {
		fmt.Println("goroutine ran")
		done = true
	}()
	for !done {
		runtime.Gosched()
	}
	fmt.Println("main saw done")
}

// expect-status: 0
// expect-stdout: goroutine ran
// expect-stdout: main saw done
