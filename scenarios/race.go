// title: Race condition: data++
// summary: One goroutine increments data while main tests and prints it, and nothing orders the two.
// lesson: 1
// cores: 2
// policy: go
// notes: From the article and Concurrency in Go, chapter 1: nothing orders G2's data++
// notes: against main's test and print, so the program may print nothing, "the value
// notes: is 0." or "the value is 1.". The sleep (the article's "This is bad!") changes
// notes: the odds, not the correctness. Real Go 1.19 on two cores printed "the value is
// notes: 0." in 996 of 1000 runs: setting up the program's first timer takes longer than
// notes: 1µs, so the timer has fired by the time main's core looks for work, and main
// notes: takes runnext back from G2. The other outcomes are rare but real: with 4 cores
// notes: (c) some seeds (s) print nothing, and `interleave run race --schedule 1x8.2x4`
// notes: prints "the value is 1.".
// look: G2 waits in core 0's runnext while main sleeps; when main wakes it takes runnext
// look: back, reads data in the if and again in the Printf, and returns before G2 runs.
// beat: go G1: main starts G2, which waits in core 0's runnext; an idle thread is woken to come for it
// beat: block G1: main sleeps 1µs, but setting up its first timer takes longer than that
// beat: wake G1: the timer has already fired: main takes runnext back and G2 drops to the run queue
// beat: print "the value is 0.": main tested and printed data before G2 ever ran
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
