package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		result := 42
	}()
	wg.Wait()
}

// expect-error: 10:3: result declared but not used
