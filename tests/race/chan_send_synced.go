// Rule: a send on a channel happens before the corresponding receive from
// that channel completes.
// No race: the goroutine writes data before its send, and main reads data
// after the receive.
package main

import "fmt"

func main() {
	var data int
	ch := make(chan bool)
	go func() {
		data = 42
		ch <- true
	}()
	<-ch
	fmt.Println(data)
}
