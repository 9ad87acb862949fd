// Rule: a select case's receive is ordered after the send only, not after
// what the sender does next.
// Race: the goroutine writes data after its send, and main reads it in the
// case that received. (The read's value is not printed; main prints data
// after done.)
package main

import "fmt"

func main() {
	var data int
	ch := make(chan bool)
	quit := make(chan bool)
	done := make(chan bool)
	go func() {
		ch <- true
		data = 42
		done <- true
	}()
	select {
	case <-ch:
		_ = data
	case <-quit:
		fmt.Println("quit")
	}
	<-done
	fmt.Println(data)
}
