package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	out := make(chan int, 3)
	for _, ms := range []int{30, 10, 20} {
		wg.Add(1)
		go func(ms int) {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			out <- ms
		}(ms)
	}
	wg.Wait()
	close(out)
	for v := range out {
		fmt.Println(v)
	}
}

// expect-status: 0
// expect-stdout: 10
// expect-stdout: 20
// expect-stdout: 30
