package main

import "fmt"

func main() {
	done := make(chan struct{})
	values := make(chan int)
	go func() {
		defer close(values)
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			case values <- i:
			}
		}
	}()
	for v := range values {
		if v == 4 {
			close(done)
			break
		}
		fmt.Println(v)
	}
	fmt.Println("stopped")
}

// expect-status: 0
// expect-stdout: 0
// expect-stdout: 1
// expect-stdout: 2
// expect-stdout: 3
// expect-stdout: stopped
