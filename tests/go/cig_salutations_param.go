package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	seen := make([]string, 3)
	for i, salutation := range []string{"hello", "greetings", "good day"} {
		wg.Add(1)
		go func(i int, salutation string) {
			defer wg.Done()
			seen[i] = salutation
		}(i, salutation)
	}
	wg.Wait()
	fmt.Println(seen)
}

// expect-status: 0
// expect-stdout: [hello greetings good day]
