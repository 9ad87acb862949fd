// title: Parallelism: one goroutine vs four, on one core
// summary: The same program on one core: the four goroutines take turns, and the split run is no faster.
// variant of: parallelism
// variant: 1 core, time-sliced
// cores: 1
// policy: go
// time slice: 100us
// notes: The same program as before, on one core (GOMAXPROCS=1). The four goroutines are
// notes: still concurrent, but only one of them runs at any moment: the core switches
// notes: between them whenever a time slice ends. The slice here is 100 microseconds so
// notes: that the switching shows on the timeline; Go's is 10 ms, which would let each
// notes: worker finish its quarter in a single slice. Either way the total work is the
// notes: same and so is the time: the speed-up is about 1.00x. Concurrency does not make
// notes: a program faster by itself; more cores to run it on do.
// look: Watch the single core after the four go statements: G5, G2, G3 and G4 take turns,
// look: each for one 100 us slice, and the timeline turns into stripes.
// beat: step G1 line 52: main counts every number alone, on the only core
// beat: print "1 goroutine": one goroutine counted alone on the only core
// beat: preempt G5: the slice ends: G5 goes to the back of the queue and G2 gets the core
// beat: preempt G4: each worker has had one slice: G5, G2, G3, G4 take turns on the one core
// beat: print "speed-up": four goroutines on one core took as long as one: no speed-up
package main

import (
	"fmt"
	"time"
)

// countPrimes counts the primes in [from, to) by trial division.
func countPrimes(from, to int) int {
	count := 0
	for n := from; n < to; n++ {
		isPrime := n >= 2
		for d := 2; d*d <= n; d++ {
			if n%d == 0 {
				isPrime = false
				break
			}
		}
		if isPrime {
			count++
		}
	}
	return count
}

func main() {
	const limit = 20000
	const workers = 4

	start := time.Now()
	total := countPrimes(0, limit)
	serial := time.Since(start)
	fmt.Printf("1 goroutine:  %d primes below %d in %v\n", total, limit, serial.Round(time.Microsecond))

	start = time.Now()
	counts := make(chan int)
	for w := 0; w < workers; w++ {
		go func(from, to int) {
			counts <- countPrimes(from, to)
		}(w*limit/workers, (w+1)*limit/workers)
	}
	total = 0
	for w := 0; w < workers; w++ {
		total += <-counts
	}
	split := time.Since(start)
	fmt.Printf("%d goroutines: %d primes below %d in %v\n", workers, total, limit, split.Round(time.Microsecond))
	fmt.Printf("speed-up: %.2fx\n", float64(serial)/float64(split))
}
