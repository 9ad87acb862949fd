// costs: micro-costs of the Go runtime in ns, each the median of repetitions inside one run.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var base = time.Now()
var flag, stamp int64
var x int
var counter int64

func now() int64 { return int64(time.Since(base)) }

func median(v []int64) int64 {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j-1] > v[j]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
	return v[len(v)/2]
}

// spin keeps the P busy for d, so that the other P and its M go idle.
func spin(d int64) {
	for t := now(); now()-t < d; {
	}
}

// perOp runs f(n) 11 times and returns the median time per operation, in ns.
func perOp(n int, f func(n int)) float64 {
	v := make([]int64, 11)
	for i := range v {
		t := now()
		f(n)
		v[i] = now() - t
	}
	return float64(median(v)) / float64(n)
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	reps := 11
	s := make([]int64, reps)
	for r := range s { // go statement → first statement, main keeps spinning
		spin(200000)
		atomic.StoreInt64(&flag, 0)
		t := now()
		go func() { atomic.StoreInt64(&stamp, now()); atomic.StoreInt64(&flag, 1) }()
		for atomic.LoadInt64(&flag) == 0 {
		}
		s[r] = atomic.LoadInt64(&stamp) - t
	}
	fmt.Printf("metric start_spin %d\n", median(s))
	ch := make(chan int64)
	g := make([]int64, reps)
	for r := range s { // go statement → first statement, main blocks at once
		spin(200000)
		t := now()
		go func() { ch <- now() }()
		g[r] = now() - t // the go statement alone
		s[r] = <-ch - t
	}
	fmt.Printf("metric start_block %d\n", median(s))
	fmt.Printf("metric go_stmt_idle_p %d\n", median(g))
	for r := range s { // a goroutine parked in a receive, woken by a send; main keeps spinning
		spin(200000)
		atomic.StoreInt64(&flag, 0)
		c := make(chan int64)
		go func() { t := <-c; atomic.StoreInt64(&stamp, now()-t); atomic.StoreInt64(&flag, 1) }()
		time.Sleep(200 * time.Microsecond) // the goroutine parks in <-c
		spin(200000)
		c <- now()
		for atomic.LoadInt64(&flag) == 0 {
		}
		s[r] = atomic.LoadInt64(&stamp)
	}
	fmt.Printf("metric wake_chan %d\n", median(s))
	for r := range s { // a goroutine parked in Lock, woken by Unlock; main keeps spinning
		spin(200000)
		atomic.StoreInt64(&flag, 0)
		mu.Lock()
		go func() { mu.Lock(); atomic.StoreInt64(&flag, now()-atomic.LoadInt64(&stamp)); mu.Unlock() }()
		time.Sleep(200 * time.Microsecond) // the goroutine parks in mu.Lock
		spin(200000)
		atomic.StoreInt64(&stamp, now())
		mu.Unlock()
		for atomic.LoadInt64(&flag) == 0 {
		}
		s[r] = atomic.LoadInt64(&flag)
	}
	fmt.Printf("metric wake_mutex %d\n", median(s))
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	fmt.Printf("metric chan_handoff %.1f\n", perOp(20000, func(n int) {
		for i := 0; i < n/2; i++ {
			ping <- i
			<-pong
		}
	}))
	close(ping)
	fmt.Printf("metric lock_unlock %.2f\n", perOp(1000000, func(n int) {
		for i := 0; i < n; i++ {
			mu.Lock()
			mu.Unlock()
		}
	}))
	fmt.Printf("metric loop_iter %.3f\n", perOp(10000000, func(n int) {
		for i := 0; i < n; i++ {
			x++
		}
	}))
	fmt.Printf("metric atomic_add %.2f\n", perOp(1000000, func(n int) {
		for i := 0; i < n; i++ {
			atomic.AddInt64(&counter, 1)
		}
	}))
	fmt.Printf("metric go_create_exit %.1f\n", perOp(10000, func(n int) {
		wg.Add(n)
		for i := 0; i < n; i++ {
			go func() { wg.Done() }()
		}
		wg.Wait()
	}))
	fmt.Printf("metric time_now %.1f\n", perOp(1000000, func(n int) {
		for i := 0; i < n; i++ {
			now()
		}
	}))
}
