package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ch := time.After(15 * time.Millisecond)
	fmt.Printf("%T\n", ch)
	t := <-ch
	fmt.Println("fired", t.Sub(start) >= 15*time.Millisecond)
}

// expect-status: 0
// expect-stdout: <-chan time.Time
// expect-stdout: fired true
