// Rule: the closing of a channel happens before a receive that sees it; what
// the closer does after close is not ordered.
// Race: the goroutine writes data after close, and main reads data after the
// receive that saw the close. (The read's value is not printed; main prints
// data after done.)
package main

import "fmt"

func main() {
	var data int
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		close(ch)
		data = 42
		done <- true
	}()
	v, ok := <-ch
	_ = data
	<-done
	fmt.Println(v, ok, data)
}
