// title: Livelock: the hallway
// summary: Two people in a corridor step aside in lock-step, always to the same side, and never get past.
// lesson: 5
// cores: 2
// policy: go
// notes: From Concurrency in Go, chapter 1. A ticker goroutine broadcasts on a sync.Cond
// notes: every millisecond: that is the cadence at which both people step. Each steps to
// notes: one side (an atomic counter says how many stand there), waits for the beat, and
// notes: gets through only if she is alone on that side. Both always choose the same side
// notes: at the same beat, so both are busy all the time and neither makes progress:
// notes: unlike a deadlock, nothing is blocked for good, and the scheduler sees goroutines
// notes: that run, wait and wake again. After five tries each gives up. The moves are
// notes: collected per person and printed at the end, so the output is the same every run.
// look: Watch the two walkers, G3 (Alice) and G4 (Barbara), wait on cadence together,
// look: wake together at each broadcast of G2, and redo the same step. The lock-step
// look: holds because one broadcast wakes both.
// beat: cond-wait G3: both have stepped left (left is 2) and wait for the next beat
// beat: broadcast: the ticker's beat wakes both; each sees left == 2 and waits again
// beat: broadcast: the next beat: both step back from the left and step right, together
// beat: print "exasperation": after five tries both give up; nobody got through
package main

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	cadence := sync.NewCond(&sync.Mutex{})
	go func() {
		for range time.Tick(1 * time.Millisecond) {
			cadence.Broadcast()
		}
	}()

	takeStep := func() {
		cadence.L.Lock()
		cadence.Wait()
		cadence.L.Unlock()
	}

	tryDir := func(dirName string, dir *int32, out *bytes.Buffer) bool {
		fmt.Fprintf(out, " %v", dirName)
		atomic.AddInt32(dir, 1)
		takeStep()
		if atomic.LoadInt32(dir) == 1 {
			fmt.Fprint(out, ". Success!")
			return true
		}
		takeStep()
		atomic.AddInt32(dir, -1)
		return false
	}

	var left, right int32
	tryLeft := func(out *bytes.Buffer) bool { return tryDir("left", &left, out) }
	tryRight := func(out *bytes.Buffer) bool { return tryDir("right", &right, out) }

	walk := func(walking *sync.WaitGroup, name string, out *bytes.Buffer) {
		defer walking.Done()
		fmt.Fprintf(out, "%v is trying to scoot:", name)
		for i := 0; i < 5; i++ {
			if tryLeft(out) || tryRight(out) {
				return
			}
		}
		fmt.Fprintf(out, "\n%v tosses her hands up in exasperation!", name)
	}

	var alice, barbara bytes.Buffer
	var peopleInHallway sync.WaitGroup
	peopleInHallway.Add(2)
	go walk(&peopleInHallway, "Alice", &alice)
	go walk(&peopleInHallway, "Barbara", &barbara)
	peopleInHallway.Wait()
	fmt.Println(alice.String())
	fmt.Println(barbara.String())
}
