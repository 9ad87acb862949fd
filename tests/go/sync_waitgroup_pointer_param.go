package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup, out []int) {
	defer wg.Done()
	out[id] = id * 100
}

func main() {
	var wg sync.WaitGroup
	out := make([]int, 3)
	wg.Add(3)
	for i := 0; i < 3; i++ {
		go worker(i, &wg, out)
	}
	wg.Wait()
	fmt.Println(out)
}

// expect-status: 0
// expect-stdout: [0 100 200]
