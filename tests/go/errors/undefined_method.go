package main

import "sync"

func main() {
	var mu sync.Mutex
	mu.Acquire()
}

// expect-error: 7:5: mu.Acquire undefined (type sync.Mutex has no field or method Acquire)
