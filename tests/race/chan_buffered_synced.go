// Rule: a send on a channel happens before the corresponding receive
// completes, buffered channels included.
// No race: data is written between the first and the second send, and main
// reads it after the second receive.
package main

import "fmt"

func main() {
	var data int
	ch := make(chan int, 2)
	go func() {
		ch <- 1
		data = 42
		ch <- 2
	}()
	<-ch
	<-ch
	fmt.Println(data)
}
