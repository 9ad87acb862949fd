// title: select: random, timeout, default
// summary: select picks at random among ready cases, waits with a timeout, and does not wait with default.
// lesson: 10
// cores: 2
// policy: go
// output: varies
// notes: Three uses of select, from Concurrency in Go, chapter 3. When several cases are
// notes: ready, select picks one uniformly at random: Go's select.go shuffles the cases
// notes: (pollorder) on every select and takes the first ready one in that order, so over
// notes: 1000 selects on two closed channels each is chosen about 500 times, a different
// notes: split every run. When nothing is ready, select blocks until one case is:
// notes: time.After(d) is a channel on which a timer sends the time after d, so it bounds
// notes: the wait; the timer fires a little after 10 ms, never before. With a default case
// notes: select never blocks: a send on a full channel is simply skipped.
// look: The first 1000 selects flash by on core 0: step a few and see c1 and c2 chosen in
// look: no pattern. Then G1 waits in the select on never and the timer's channel (the
// look: goroutine panel says select); the timer wakes it 10 ms of virtual time later, in
// look: one frame. The last select takes default at once: full keeps its one value.
// beat: recv G1 c1: c1 and c2 are both closed, so both cases are ready: select chose c1
// beat: recv G1 c2: now c2: every select draws a new random order
// beat: block G1: nothing is ready: G1 waits on never and time.After's channel
// beat: wake G1: 10 ms later the timer sends the time: the timeout case runs
// beat: print G1 "not sent": full has no room: the send is not ready, so select takes default
package main

import (
	"fmt"
	"time"
)

func main() {
	// 1. Two cases always ready: select picks one of them at random.
	c1 := make(chan int)
	close(c1)
	c2 := make(chan int)
	close(c2)
	var c1Count, c2Count int
	for i := 0; i < 1000; i++ {
		select {
		case <-c1:
			c1Count++
		case <-c2:
			c2Count++
		}
	}
	fmt.Printf("c1 chosen %d times, c2 chosen %d times\n", c1Count, c2Count)

	// 2. Nothing ever arrives on never: time out.
	never := make(chan int)
	start := time.Now()
	select {
	case <-never:
		fmt.Println("received from never")
	case <-time.After(10 * time.Millisecond):
		fmt.Printf("timed out after %v\n", time.Since(start).Round(time.Microsecond))
	}

	// 3. default: a send on a full channel does not wait.
	full := make(chan int, 1)
	full <- 1
	select {
	case full <- 2:
		fmt.Println("sent 2")
	default:
		fmt.Println("full: 2 not sent")
	}
}
