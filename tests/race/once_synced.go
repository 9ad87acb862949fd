// Rule: the return of f in once.Do(f) happens before the return of any
// once.Do(f).
// No race: both workers get config through once.Do, so the one write of
// config is ordered before both reads.
package main

import (
	"fmt"
	"sync"
)

func main() {
	config := ""
	var once sync.Once
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { config = "ready" })
			_ = config
		}()
	}
	wg.Wait()
	fmt.Println(config)
}
