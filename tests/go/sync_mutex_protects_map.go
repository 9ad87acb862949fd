package main

import (
	"fmt"
	"sync"
)

type SafeMap struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *SafeMap) Inc(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key]++
}

func main() {
	s := SafeMap{m: make(map[string]int)}
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b", "a", "c", "a", "b"} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			s.Inc(k)
		}(k)
	}
	wg.Wait()
	fmt.Println(s.m)
}

// expect-status: 0
// expect-stdout: map[a:3 b:2 c:1]
