package main

import (
	"fmt"
	"runtime"
)

var keep []int

func main() {
	var a, b, c runtime.MemStats
	runtime.ReadMemStats(&a)
	keep = make([]int, 1<<20)
	runtime.GC()
	runtime.ReadMemStats(&b)
	keep = nil
	runtime.GC()
	runtime.ReadMemStats(&c)
	fmt.Println("8 MB slice in the heap:", b.HeapAlloc >= 8<<20)
	fmt.Println("gone after runtime.GC:", c.HeapAlloc < 1<<20)
	fmt.Println("NumGC grows:", b.NumGC > a.NumGC, c.NumGC > b.NumGC)
	fmt.Println("forced:", c.NumForcedGC-a.NumForcedGC)
	fmt.Println("Frees grows:", c.Frees > b.Frees, "Mallocs never shrinks:", c.Mallocs >= b.Mallocs)
	fmt.Println("TotalAlloc counts it:", c.TotalAlloc >= a.TotalAlloc+8<<20)
	fmt.Println("HeapObjects = Mallocs - Frees:", c.HeapObjects == c.Mallocs-c.Frees)
	fmt.Println("Sys >= HeapSys >= HeapInuse:", c.Sys >= c.HeapSys && c.HeapSys >= c.HeapInuse)
	fmt.Println("next goal 4 MB:", c.NextGC == 4<<20, "last GC set:", c.LastGC > a.LastGC)
}

// expect-status: 0
// expect-stdout: 8 MB slice in the heap: true
// expect-stdout: gone after runtime.GC: true
// expect-stdout: NumGC grows: true true
// expect-stdout: forced: 2
// expect-stdout: Frees grows: true Mallocs never shrinks: true
// expect-stdout: TotalAlloc counts it: true
// expect-stdout: HeapObjects = Mallocs - Frees: true
// expect-stdout: Sys >= HeapSys >= HeapInuse: true
// expect-stdout: next goal 4 MB: true last GC set: true
