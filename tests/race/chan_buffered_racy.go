// Rule: a send happens before its own receive completes, not before the
// receive of an earlier message.
// Race: main reads data after receiving the first message, which was sent
// before the write. (The read's value is not printed; main prints data after
// the second receive, which orders it.)
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
	_ = data
	<-ch
	fmt.Println(data)
}
