// title: Race condition: data++
// summary: One goroutine increments data while main reads it; the outcome depends on timing.
// cores: 2
// policy: go
// notes: From Concurrency in Go, chapter 1. There are three possible outcomes: nothing is
// notes: printed (the increment ran before the test), "the value is 0" (the test and
// notes: the print both ran before the increment), or "the value is 1" (the increment
// notes: ran between the test and the print). The sleep only makes some outcomes less
// notes: likely; it does not make the program correct. Try other seeds with s, and
// notes: one core with c.
// look: data++ is three steps (LOADREF, ADDI, STOREREF). Watch main's read of data in
// look: the if and in the Printf: when G2's store lands between them, the program prints
// look: "the value is 1" although it just checked that data == 0.
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
	time.Sleep(1 * time.Microsecond) // This is bad!
	if data == 0 {
		fmt.Printf("the value is %v.\n", data)
	}
}
