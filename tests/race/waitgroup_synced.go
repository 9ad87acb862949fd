// Rule: a WaitGroup's Done happens before the Wait it releases returns.
// No race: main reads result after Wait.
package main

import (
	"fmt"
	"sync"
)

func main() {
	result := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		result = 42
	}()
	wg.Wait()
	fmt.Println(result)
}
