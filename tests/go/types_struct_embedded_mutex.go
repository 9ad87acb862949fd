package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	sync.Mutex
	n int
}

func (c *Counter) Inc() {
	c.Lock()
	defer c.Unlock()
	c.n++
}

func main() {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()
	c.Lock()
	fmt.Println("count:", c.n)
	c.Unlock()
}

// expect-status: 0
// expect-stdout: count: 100
