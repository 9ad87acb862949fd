package main

import (
	"fmt"
	"runtime"
)

func main() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.NumGC, ms.PauseNs[0])
}

// expect-error: 11:27: interleave does not support runtime.MemStats.PauseNs
