package main

import (
	"fmt"
	"sync"
)

type Config struct {
	mu   sync.RWMutex
	vals map[string]string
}

func (c *Config) Get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.vals[k]
}

func (c *Config) Set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.vals[k] = v
}

func main() {
	c := &Config{vals: map[string]string{}}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(2)
		go func(i int) { defer wg.Done(); c.Set(fmt.Sprint("k", i), fmt.Sprint(i*i)) }(i)
		go func() { defer wg.Done(); _ = c.Get("k0") }()
	}
	wg.Wait()
	fmt.Println(c.Get("k3"), c.Get("k4"), len(c.vals))
}

// expect-status: 0
// expect-stdout: 9 16 5
