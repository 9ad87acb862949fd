// Rule: time.Sleep is no synchronisation: however long main sleeps, nothing
// orders the goroutine's write before main's read.
// Race: main reads data after a sleep only. (In 100 ms the goroutine has
// written, so the output is 42.)
package main

import (
	"fmt"
	"time"
)

func main() {
	data := 0
	go func() {
		data = 42
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println(data)
}
