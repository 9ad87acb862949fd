// title: Atomicity: counter++
// summary: Four goroutines each add one to a shared counter a million times, and increments are lost.
// lesson: 2
// cores: 2
// policy: go
// output: varies
// notes: counter++ looks like one step but is three: read counter, add one, write it
// notes: back. Go compiles it to a single INCQ on amd64, yet without a LOCK prefix the
// notes: core still reads and writes memory separately, and nothing stops the other
// notes: core from doing the same in between. When two goroutines read the same value
// notes: before either writes, both write that value plus one and an increment is lost.
// notes: Here the total falls far short of 4000000, by a different amount each seed;
// notes: real Go on two cores loses increments whenever the loops really run at the
// notes: same moment, and is exact only in a run where they never overlap. With one
// notes: core (c) nothing is lost: one goroutine runs at a time.
// look: Core 0 runs G5 alone at first (the last goroutine made, from runnext); core 1
// look: then steals G3 and the two loops run side by side. Watch the counter++ line on both cores:
// look: when G3's LOADREF comes right after G5's, before G5's STOREREF, both store the
// look: same number and one increment is gone.
// beat: block G1 wg: main waits for the four goroutines; core 0 runs G5, the last one made, alone
// beat: start G3: core 1 has taken G3 from core 0's run queue: two loops now increment counter at once
// beat: step G3 line 42: G3 reads counter just after G5 did, before G5 writes it back: one of the two increments will be lost
// beat: print: main prints the total: far short of 4000000
package main

import (
	"fmt"
	"sync"
)

func main() {
	const goroutines = 4
	const increments = 1000000

	var counter int
	var wg sync.WaitGroup
	wg.Add(goroutines)
	for g := 0; g < goroutines; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < increments; i++ {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Printf("counter = %d, should be %d\n", counter, goroutines*increments)
}
