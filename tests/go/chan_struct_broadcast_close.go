package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	ready := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			ready++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println("released", ready)
	_, ok := <-start
	fmt.Println(ok, struct{}{} == struct{}{})
}

// expect-status: 0
// expect-stdout: released 4
// expect-stdout: false true
