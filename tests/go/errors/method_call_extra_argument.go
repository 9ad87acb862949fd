package main

import "sync"

func main() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	mu.Unlock(1)
}

// expect-error: 9:12: too many arguments in call to mu.Unlock
// expect-error-detail: 	have (number)
// expect-error-detail: 	want ()
