package main

import (
	"fmt"
	"strings"
)

func main() {
	repeat := func(done <-chan interface{}, values ...interface{}) <-chan interface{} {
		valueStream := make(chan interface{})
		go func() {
			defer close(valueStream)
			for {
				for _, v := range values {
					select {
					case <-done:
						return
					case valueStream <- v:
					}
				}
			}
		}()
		return valueStream
	}
	toString := func(done <-chan interface{}, valueStream <-chan interface{}) <-chan string {
		stringStream := make(chan string)
		go func() {
			defer close(stringStream)
			for v := range valueStream {
				select {
				case <-done:
					return
				case stringStream <- v.(string):
				}
			}
		}()
		return stringStream
	}
	done := make(chan interface{})
	defer close(done)
	var message strings.Builder
	strs := toString(done, repeat(done, "I", "am."))
	for i := 0; i < 5; i++ {
		message.WriteString(<-strs)
		message.WriteString(" ")
	}
	fmt.Printf("message: %s...\n", message.String())
}

// expect-status: 0
// expect-stdout: message: I am. I am. I ...
