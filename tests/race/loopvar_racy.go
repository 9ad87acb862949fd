// Rule (Go 1.19): a for loop's variable is one variable for the whole loop,
// written by each iteration.
// Race: the goroutines read the loop's w itself, which the next iterations
// write. (The words have the same length, so lens is [2 2 2] whichever word
// each goroutine sees. The goroutines do not synchronise with each other:
// with a mutex around the read, the last goroutine, made after the last
// write, could order the others after it and hide the race.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	lens := make([]int, 3)
	var wg sync.WaitGroup
	for i, w := range []string{"ab", "cd", "ef"} {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			lens[k] = len(w)
		}(i)
	}
	wg.Wait()
	fmt.Println(lens)
}
