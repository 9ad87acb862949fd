// Rule: each field of a struct is its own variable, reached through a
// pointer or not.
// No race: the goroutine writes p.X and main writes p.Y of the same struct.
package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	p := &Point{}
	done := make(chan bool)
	go func() {
		p.X = 1
		done <- true
	}()
	p.Y = 2
	<-done
	fmt.Println(*p)
}
