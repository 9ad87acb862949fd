// Rule (Go 1.19): a for loop's variable is one variable for the whole loop,
// written by each iteration; a copy made in the body is a new variable.
// No race: each goroutine reads its own copy w := w, written before its go
// statement, and Wait orders the lens it writes before main's print.
package main

import (
	"fmt"
	"sync"
)

func main() {
	lens := make([]int, 3)
	var wg sync.WaitGroup
	for i, w := range []string{"ab", "cd", "ef"} {
		w := w
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			lens[k] = len(w)
		}(i)
	}
	wg.Wait()
	fmt.Println(lens)
}
