package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(3)
	fmt.Println(runtime.GOMAXPROCS(0))
	prev := runtime.GOMAXPROCS(1)
	fmt.Println(prev, runtime.GOMAXPROCS(0))
	fmt.Println(runtime.NumCPU() >= 1)
}

// expect-status: 0
// expect-stdout: 3
// expect-stdout: 3 1
// expect-stdout: true
