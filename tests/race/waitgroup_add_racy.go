// Rule: Done happens before the Wait it releases returns; an Add that counts
// up publishes nothing.
// Race: the goroutine that writes data calls Add(1), and the other one both
// Dones, so Wait is not ordered after the write. (The Dones come 10 ms
// later, after the Add, or the counter would go negative.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	data := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		data = 42
		wg.Add(1)
	}()
	go func() {
		time.Sleep(10 * time.Millisecond)
		wg.Done()
		wg.Done()
	}()
	wg.Wait()
	fmt.Println(data)
}
