// Rule: the kth receive on a channel with capacity C happens before the
// k+Cth send from that channel completes.
// No race: sem has capacity 1, so it is a lock: a worker's send completes
// only after the other worker's receive, which follows its count++.
package main

import (
	"fmt"
	"sync"
)

func main() {
	count := 0
	sem := make(chan bool, 1)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- true
			count++
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println(count)
}
