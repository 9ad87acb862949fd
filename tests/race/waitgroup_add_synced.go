// Rule: a WaitGroup's Done happens before the Wait it releases returns.
// No race: the goroutine that writes data calls Done, so Wait returns after
// the write. (The other goroutine's Done comes 10 ms later.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	data := 0
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		data = 42
		wg.Done()
	}()
	go func() {
		time.Sleep(10 * time.Millisecond)
		wg.Done()
	}()
	wg.Wait()
	fmt.Println(data)
}
