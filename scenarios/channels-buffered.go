// title: Channels: a pipeline
// summary: generate → square → print, connected by channels with a buffer of 3 that close when done.
// variant of: channels
// variant: buffered: make(chan int, 3)
// cores: 2
// policy: go
// notes: The same pipeline with a buffer of 3 on each channel. A send only blocks when the
// notes: buffer is full, and a receive only when it is empty, so generate runs ahead of
// notes: square and square ahead of main. The output is the same, 1 4 9 16 25, but the
// notes: timeline differs: far fewer blocks and switches, and generate has closed numbers
// notes: before main prints its first square. A buffer decouples the stages' speeds; it
// notes: does not change what is computed, and it is no cure for a consumer that is always slower.
// look: Watch G2 put 2, 3 and 4 into numbers' buffer without stopping (the channel panel
// look: shows the buffer filling) and block only on 5. Then main prints 4, 9, 16 and 25
// look: one after another, taking them from squares' buffer without waiting.
// beat: send G2 numbers #2: no receiver is waiting, but the buffer has room: G2 goes on
// beat: block G2 numbers: the buffer holds 2, 3 and 4: only now does G2 wait, with 5
// beat: close G2 numbers: generate is finished before main has printed anything
// beat: print G1 "25": main took 9, 16 and 25 from squares' buffer without blocking
// beat: close G3 squares: square closes squares: main's range loop ends and it prints done
package main

import "fmt"

// generate sends the numbers, then closes its channel.
func generate(nums ...int) <-chan int {
	numbers := make(chan int, 3)
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
	squares := make(chan int, 3)
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
