// A race (a goroutine's data++ against main's, a sleep between them) and four
// writes that are ordered (a channel, a Mutex with a WaitGroup, an atomic
// flag, a buffered channel): go run -race reports the first only.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var data int
	go func() { data++ }()
	time.Sleep(time.Millisecond)
	data++
	// ordered: channel, mutex, wg, atomic
	var x, y, z, w int
	ch := make(chan int)
	go func() { x = 1; ch <- 1 }()
	<-ch
	x++
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() { defer wg.Done(); mu.Lock(); y++; mu.Unlock() }()
	}
	wg.Wait()
	y++
	var flag int32
	go func() { z = 5; atomic.StoreInt32(&flag, 1) }()
	for atomic.LoadInt32(&flag) == 0 {
	}
	z++
	buf := make(chan int, 1)
	go func() { w = 3; buf <- 1 }()
	<-buf
	w++
	fmt.Println(data, x, y, z, w)
}
