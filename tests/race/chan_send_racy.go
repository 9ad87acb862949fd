// Rule: a send happens before the corresponding receive completes; what the
// sender does after its send is not ordered before the receiver's next steps.
// Race: the goroutine writes data after its send, and main reads data after
// the receive. (The read's value is not printed; main prints data only after
// done, which orders the write.)
package main

import "fmt"

func main() {
	var data int
	ch := make(chan bool)
	done := make(chan bool)
	go func() {
		ch <- true
		data = 42
		done <- true
	}()
	<-ch
	_ = data
	<-done
	fmt.Println(data)
}
