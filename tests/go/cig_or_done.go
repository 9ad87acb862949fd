package main

import "fmt"

func main() {
	orDone := func(done, c <-chan interface{}) <-chan interface{} {
		valStream := make(chan interface{})
		go func() {
			defer close(valStream)
			for {
				select {
				case <-done:
					return
				case v, ok := <-c:
					if !ok {
						return
					}
					select {
					case valStream <- v:
					case <-done:
					}
				}
			}
		}()
		return valStream
	}
	done := make(chan interface{})
	defer close(done)
	myChan := make(chan interface{})
	go func() {
		defer close(myChan)
		for _, v := range []interface{}{"x", 2, true} {
			myChan <- v
		}
	}()
	for val := range orDone(done, myChan) {
		fmt.Println(val)
	}
}

// expect-status: 0
// expect-stdout: x
// expect-stdout: 2
// expect-stdout: true
