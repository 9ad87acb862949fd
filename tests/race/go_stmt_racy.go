// Rule: the go statement that starts a goroutine happens before the
// goroutine's execution begins, but nothing that main does after it.
// Race: main writes msg after the go statement; nothing orders that write
// with the goroutine's read. (It writes the text msg already holds, so the
// output is the same whichever comes first.)
package main

import "fmt"

func main() {
	msg := "hello"
	done := make(chan bool)
	go func() {
		fmt.Println(msg)
		done <- true
	}()
	msg = "hello"
	<-done
}
