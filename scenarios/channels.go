// title: Channels: a pipeline
// summary: generate → square → print, connected by unbuffered channels that close when done.
// lesson: 9
// cores: 2
// policy: go
// notes: Share memory by communicating: each stage owns its values and hands them to the
// notes: next stage over a channel, so no variable is shared and no mutex is needed. An
// notes: unbuffered channel is a rendezvous: a send completes only when a receiver takes the
// notes: value, so generate blocks on every number until square comes back for it, and
// notes: square blocks until main takes each square. When generate has sent everything it
// notes: closes numbers; square's range loop ends once numbers is closed and empty, and it
// notes: closes squares in turn, which ends main's loop. The output is always 1 4 9 16 25,
// notes: whatever the schedule. Each goroutine blocks within microseconds, and Go runs the
// notes: one it wakes next on the same core, so the second core stays idle here.
// look: Step through the first sends: G2 sends 1 straight to G3, which is already waiting
// look: (chan.go copies the value to the receiver), then blocks on 2 until G3 comes back.
// look: The channel panel lists who waits on numbers and squares; the goroutine panel says
// look: chan send or chan receive. Compare the core 0 row with the buffered variant (v).
// beat: block G1 squares: main asks for the first square; none has been sent, so it blocks
// beat: send G2 numbers: G3 is already waiting on numbers, so G2's 1 goes straight to it
// beat: block G2 numbers: no receiver now: G2 waits with 2 until square comes back for it
// beat: close G2 numbers: all five sent: generate closes numbers, which ends square's loop
// beat: close G3 squares: square closes squares: main's range loop ends and it prints done
package main

import "fmt"

// generate sends the numbers, then closes its channel.
func generate(nums ...int) <-chan int {
	numbers := make(chan int)
	go func() {
		for _, n := range nums {
			numbers <- n
		}
		close(numbers)
	}()
	return numbers
}

// square receives until its input is closed, then closes its own output.
func square(in <-chan int) <-chan int {
	squares := make(chan int)
	go func() {
		for n := range in {
			squares <- n * n
		}
		close(squares)
	}()
	return squares
}

func main() {
	for s := range square(generate(1, 2, 3, 4, 5)) {
		fmt.Println(s)
	}
	fmt.Println("done")
}
