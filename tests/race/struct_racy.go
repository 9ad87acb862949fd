// Rule: two accesses to the same field conflict, through whichever pointer.
// Race: the goroutine and main both write p.X with nothing ordering them.
// (Both write 1, so the output is fixed.)
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
	q := p
	q.X = 1
	<-done
	fmt.Println(*p)
}
