// Rule: a receive happens before the send completes only on an unbuffered
// channel.
// Race: ch has a buffer of one, so main's send completes at once, whether or
// not the goroutine has received; main's read of data is not ordered after
// the goroutine's write. (The read's value is not printed; main prints data
// only after done.)
package main

import "fmt"

func main() {
	var data int
	ch := make(chan bool, 1)
	done := make(chan bool)
	go func() {
		data = 42
		<-ch
		done <- true
	}()
	ch <- true
	_ = data
	<-done
	fmt.Println(data)
}
