// Rule: a receive from an unbuffered channel happens before the
// corresponding send on that channel completes.
// No race: the goroutine writes data before its receive, and main reads data
// after its send completes.
package main

import "fmt"

func main() {
	var data int
	ch := make(chan bool)
	done := make(chan bool)
	go func() {
		data = 42
		<-ch
		done <- true
	}()
	ch <- true
	fmt.Println(data)
	<-done
}
