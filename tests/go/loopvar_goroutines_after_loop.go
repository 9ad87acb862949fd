package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	start := make(chan struct{})
	results := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(slot int) {
			defer wg.Done()
			<-start
			results[slot] = i
		}(i)
	}
	close(start)
	wg.Wait()
	fmt.Println(results)
}

// expect-status: 0
// expect-stdout: [3 3 3]
