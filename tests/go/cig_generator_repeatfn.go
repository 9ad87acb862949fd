package main

import "fmt"

func main() {
	repeatFn := func(done <-chan interface{}, fn func() interface{}) <-chan interface{} {
		valueStream := make(chan interface{})
		go func() {
			defer close(valueStream)
			for {
				select {
				case <-done:
					return
				case valueStream <- fn():
				}
			}
		}()
		return valueStream
	}
	take := func(done <-chan interface{}, valueStream <-chan interface{}, num int) <-chan interface{} {
		takeStream := make(chan interface{})
		go func() {
			defer close(takeStream)
			for i := 0; i < num; i++ {
				select {
				case <-done:
					return
				case takeStream <- <-valueStream:
				}
			}
		}()
		return takeStream
	}
	done := make(chan interface{})
	defer close(done)
	n := 0
	next := func() interface{} { n++; return n * n }
	for v := range take(done, repeatFn(done, next), 5) {
		fmt.Println(v)
	}
}

// expect-status: 0
// expect-stdout: 1
// expect-stdout: 4
// expect-stdout: 9
// expect-stdout: 16
// expect-stdout: 25
