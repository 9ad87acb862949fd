package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	zeros := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, ok := <-ch
			if !ok {
				zeros <- v
			}
		}()
	}
	close(ch)
	wg.Wait()
	close(zeros)
	n := 0
	for v := range zeros {
		n += 1 + v
	}
	fmt.Println("woken by close:", n)
}

// expect-status: 0
// expect-stdout: woken by close: 3
