package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]string, 4)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = fmt.Sprintf("job%d", i)
		}(i)
	}
	wg.Wait()
	fmt.Println(results)
	wg.Wait()
	fmt.Println("second Wait on a zero counter returns at once")
}

// expect-status: 0
// expect-stdout: [job0 job1 job2 job3]
// expect-stdout: second Wait on a zero counter returns at once
