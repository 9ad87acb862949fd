package main

import "fmt"

func main() {
	tee := func(done <-chan interface{}, in <-chan interface{}) (_, _ <-chan interface{}) {
		out1 := make(chan interface{})
		out2 := make(chan interface{})
		go func() {
			defer close(out1)
			defer close(out2)
			for val := range in {
				var out1, out2 = out1, out2
				for i := 0; i < 2; i++ {
					select {
					case <-done:
					case out1 <- val:
						out1 = nil
					case out2 <- val:
						out2 = nil
					}
				}
			}
		}()
		return out1, out2
	}
	done := make(chan interface{})
	defer close(done)
	in := make(chan interface{})
	go func() {
		defer close(in)
		for i := 1; i <= 4; i++ {
			in <- i
		}
	}()
	out1, out2 := tee(done, in)
	for val1 := range out1 {
		fmt.Printf("out1: %v, out2: %v\n", val1, <-out2)
	}
}

// expect-status: 0
// expect-stdout: out1: 1, out2: 1
// expect-stdout: out1: 2, out2: 2
// expect-stdout: out1: 3, out2: 3
// expect-stdout: out1: 4, out2: 4
