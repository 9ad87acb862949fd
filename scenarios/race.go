// title: Race condition: data++
// summary: One goroutine increments data while main tests and prints it, and nothing orders the two.
// lesson: 1
// cores: 2
// policy: go
// notes: From the article and Concurrency in Go, chapter 1: nothing orders G2's data++
// notes: against main's test and print, so three outcomes are possible: nothing (the
// notes: increment ran before the test), "the value is 0." (the test and the print
// notes: ran first) or "the value is 1." (the increment ran between them). The sleep
// notes: is the article's "This is bad!": it changes the odds, it does not make the
// notes: program correct. Real Go 1.19 on two cores printed "the value is 0." in 996 of
// notes: 1000 runs and nothing in 4: this sleep's timer is the program's first, and
// notes: setting up Go's timers (the network poller) takes longer than 1µs, so when
// notes: main's core looks for work the timer has fired and main takes runnext back
// notes: from G2; the default run here does the same. The other outcomes are real but
// notes: rare: with 4 cores (c) some seeds (s) print nothing, and
// notes: `interleave run race --schedule 1x8.2x4` (G1's first 8 steps, through its
// notes: read of data, then G2's 4) prints "the value is 1."; --print-schedule shows
// notes: the schedule of any run.
// look: Step from the go statement: G2 waits in core 0's runnext while main goes to
// look: sleep. When main wakes (timer) it takes runnext back and G2 drops to the run
// look: queue; main then reads data in the if and again in the Printf, both 0, and
// look: returns before G2 has run at all. data++ is three steps (LOADREF, ADDI,
// look: STOREREF): with the forced schedule they land between main's two reads.
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
