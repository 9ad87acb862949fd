// Rule: the go statement that starts a goroutine happens before the
// goroutine's execution begins.
// No race: main writes msg before the go statement, so the goroutine's read
// of msg comes after the write.
package main

import "fmt"

func main() {
	var msg string
	done := make(chan bool)
	msg = "hello"
	go func() {
		fmt.Println(msg)
		done <- true
	}()
	<-done
}
