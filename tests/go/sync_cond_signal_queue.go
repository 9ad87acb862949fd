package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	c := sync.NewCond(&sync.Mutex{})
	queue := make([]int, 0, 2)
	removed := 0
	remove := func(delay time.Duration) {
		time.Sleep(delay)
		c.L.Lock()
		queue = queue[1:]
		removed++
		c.L.Unlock()
		c.Signal()
	}
	maxLen := 0
	for i := 0; i < 10; i++ {
		c.L.Lock()
		for len(queue) == 2 {
			c.Wait()
		}
		queue = append(queue, i)
		if len(queue) > maxLen {
			maxLen = len(queue)
		}
		go remove(time.Millisecond)
		c.L.Unlock()
	}
	fmt.Println("added 10, queue never above", maxLen)
}

// expect-status: 0
// expect-stdout: added 10, queue never above 2
