// counter_2x1000: two goroutines each do 1000 unsynchronised counter++ on a global: are increments lost?
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				counter++
			}
		}()
	}
	wg.Wait()
	if counter == 2000 {
		fmt.Println("exact")
	} else {
		fmt.Println("lost")
	}
	fmt.Printf("metric counter %d\n", counter)
}
