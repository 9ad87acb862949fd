// Rule: a receive in a select case is a receive: the send happens before it
// completes.
// No race: the goroutine writes data before its send, and main reads it in
// the case that received.
package main

import "fmt"

func main() {
	var data int
	ch := make(chan bool)
	quit := make(chan bool)
	go func() {
		data = 42
		ch <- true
	}()
	select {
	case <-ch:
		fmt.Println(data)
	case <-quit:
		fmt.Println("quit")
	}
}
