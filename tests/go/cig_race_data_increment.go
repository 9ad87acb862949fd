// outcomes: several (Concurrency in Go, ch. 1: the increment can land before the
// test, between the test and the print, or after the print)
package main

import (
	"fmt"
	"time"
)

func main() {
	var data int
	go func() {
		data++
	}()
	time.Sleep(1 * time.Microsecond)
	if data == 0 {
		fmt.Printf("the value is %v.\n", data)
	}
}

// outcome: by hand (the increment lands between the test and the print)
// expect-status: 0
// expect-stdout: the value is 1.
// outcome: observed
// expect-status: 0
// expect-stdout: the value is 0.
// outcome: observed
// expect-status: 0
