// title: Deadlock fixed: one lock order
// summary: printSum locks the two values in one global order, whatever order its arguments come in.
// variant of: deadlock
// variant: fixed: one lock order
// cores: 2
// policy: go
// notes: The same printSum, but each value has a rank and every call locks the lower
// notes: rank first: both goroutines lock a.mu before b.mu, whatever order their
// notes: arguments come in. A goroutine can now wait only for a lock of a higher rank
// notes: than every lock it holds, so no cycle of waits can form: the circular wait,
// notes: one of the four Coffman conditions, is gone and the program cannot deadlock.
// notes: The price is that the two calls now run one after the other: the second waits
// notes: out the first one's sleep, and the program takes about 4 seconds, here and in
// notes: real Go.
// look: G3 runs first and takes a.mu even though its first argument is b. G2 then asks
// look: for a.mu too and waits holding nothing; the lock table shows G3 as a.mu's owner
// look: and G2 as its waiter, never a cycle. When G3 unlocks, G2 is woken and takes both.
// beat: lock G3 a.mu: G3 is called with (b, a) but locks a.mu first: a has the lower rank
// beat: lock-wait G2 a.mu: G2 also starts with a.mu: it waits, holding no lock, so no cycle can form
// beat: print G3 "sum=30": G3 took b.mu after its sleep and prints its sum
// beat: lock G2 a.mu: G3's unlock woke G2: it takes a.mu, and later b.mu
package main

import (
	"fmt"
	"sync"
	"time"
)

type value struct {
	mu    sync.Mutex
	rank  int // the global lock order: lower rank first
	value int
}

func main() {
	var wg sync.WaitGroup
	printSum := func(v1, v2 *value) {
		defer wg.Done()
		first, second := v1, v2
		if second.rank < first.rank {
			first, second = second, first
		}
		first.mu.Lock()
		defer first.mu.Unlock()

		time.Sleep(2 * time.Second)
		second.mu.Lock()
		defer second.mu.Unlock()

		fmt.Printf("sum=%v\n", v1.value+v2.value)
	}

	a := value{rank: 1, value: 10}
	b := value{rank: 2, value: 20}
	wg.Add(2)
	go printSum(&a, &b)
	go printSum(&b, &a)
	wg.Wait()
}
