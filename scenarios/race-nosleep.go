// title: Race condition: data++ without the sleep
// summary: The book's first version: main tests and prints data straight after starting the goroutine.
// variant of: race
// variant: no sleep (the book's first listing)
// cores: 2
// policy: go
// notes: This is the first listing of Concurrency in Go, chapter 1, before the sleep is
// notes: added: the same three outcomes are possible (nothing, "the value is 0.", "the
// notes: value is 1."). Real Go 1.19 on two cores printed "the value is 0." in all of
// notes: 1000 runs. The go statement puts G2 in the runnext slot of main's own core and
// notes: wakes an idle thread to take it to the other core, which takes tens of
// notes: microseconds; main needs only a few to test, print and return, and the program
// notes: ends when main returns. The default run here does the same; force another order
// notes: with `interleave run race-nosleep --schedule 1x5.2x4` (nothing printed) or
// notes: `--schedule 1x6.2x4` ("the value is 1.").
// look: Step from the go statement: G2 sits in core 0's runnext for the whole run while
// look: main reads data (LOADREF) in the if and again in the Printf; core 1 stays idle,
// look: its thread still on its way, and G2 never runs.
// beat: go G1: main starts G2 in core 0's runnext and wakes an idle thread to come for it
// beat: step G1 line 33: main tests data: still 0, since G2 is still waiting in runnext
// beat: print "the value is 0.": main tested and printed data; G2 has not run
package main

import (
	"fmt"
)

func main() {
	var data int
	go func() {
		data++
	}()
	if data == 0 {
		fmt.Printf("the value is %v.\n", data)
	}
}
