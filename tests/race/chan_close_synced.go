// Rule: the closing of a channel happens before a receive that returns a
// zero value because the channel is closed.
// No race: the goroutine writes data before close, and main reads it after a
// receive that saw the close.
package main

import "fmt"

func main() {
	var data int
	ch := make(chan int)
	go func() {
		data = 42
		close(ch)
	}()
	v, ok := <-ch
	fmt.Println(v, ok, data)
}
