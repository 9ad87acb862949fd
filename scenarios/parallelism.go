// title: Parallelism: one goroutine vs four
// summary: The same counting is done by one goroutine, then split over four; on four cores the split run is about three times faster.
// lesson: 7
// cores: 4
// policy: go
// notes: The same work twice: count the primes below 20000 by trial division, first in
// notes: one goroutine, then in four goroutines that each count a quarter of the range.
// notes: Splitting the work is concurrency, a way to structure the program; the four
// notes: goroutines run at the same time only because there are four cores (Ps) to run
// notes: them: that is parallelism. The speed-up is about 3x, not 4x: the last quarter
// notes: holds the biggest numbers, whose trial division takes longest, so the other
// notes: goroutines finish early and their cores idle. The simulated machine has one CPU
// notes: per core; real Go with GOMAXPROCS=4 on a 2-CPU machine cannot go beyond 2x, and
// notes: runtime.GOMAXPROCS inside a program does not change the simulated cores (c does).
// look: Watch the cores: while main counts alone one core is busy and three idle; after
// look: the four go statements every core runs a worker; then they go idle one by one,
// look: G2 (the smallest numbers) first and G5 (the biggest) last.
// beat: step G1 line 53: main counts every number alone: one core busy, three idle
// beat: print "1 goroutine": one goroutine counted alone, on one core, while the other three idled
// beat: start G4: the last worker starts on core 3: all four cores count at once
// beat: done G2: G2, with the smallest numbers, is done first; its core goes idle
// beat: print "speed-up": the split run took about a third of the time
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
