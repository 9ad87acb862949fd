// Rule: the kth receive on a channel with capacity C happens before the
// k+Cth send completes; with C = 2 two holders get in at once.
// Race: sem has capacity 2, so both workers' sends complete without any
// receive, and their count++ are not ordered. (They run microseconds apart,
// so the count printed is 2.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	count := 0
	sem := make(chan bool, 2)
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
