package main

import (
	"fmt"
	"sync"
)

type Box struct {
	mu sync.Mutex
	v  int
}

func (b *Box) Set(v int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.v = v
}

func (b *Box) Get() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.v
}

func main() {
	b := &Box{}
	b.Set(4)
	b.Set(b.Get() + 1)
	fmt.Println(b.Get())
}

// expect-status: 0
// expect-stdout: 5
