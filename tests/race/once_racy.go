// Rule: only once.Do orders the initialisation before its users; a plain
// check-then-set does not.
// Race: both workers test config and set it themselves; one's read (or
// write) is not ordered with the other's write. (Both write the same text,
// so the output is fixed.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	config := ""
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if config == "" {
				config = "ready"
			}
		}()
	}
	wg.Wait()
	fmt.Println(config)
}
