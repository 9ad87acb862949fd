// Rule: a WaitGroup's Done happens before Wait returns, and orders nothing
// that main does before Wait.
// Race: main reads result before Wait. (The read's value is not printed;
// main prints result after Wait.)
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
	_ = result
	wg.Wait()
	fmt.Println(result)
}
