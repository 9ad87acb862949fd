// sleep_latency: how long time.Sleep(d) really takes (ns): the process's first sleep, then medians with every P idle and with a goroutine spinning.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var stop int32

func sleepNs(d time.Duration) int64 {
	t := time.Now()
	time.Sleep(d)
	return int64(time.Since(t))
}

func median(reps int, d time.Duration) int64 {
	v := make([]int64, reps)
	for i := range v {
		x := sleepNs(d)
		j := i
		for ; j > 0 && v[j-1] > x; j-- {
			v[j] = v[j-1]
		}
		v[j] = x
	}
	return v[reps/2]
}

func main() {
	fmt.Printf("metric first_1us %d\n", sleepNs(time.Microsecond))
	ds := []time.Duration{time.Microsecond, 10 * time.Microsecond, 100 * time.Microsecond, time.Millisecond}
	names := []string{"1us", "10us", "100us", "1ms"}
	for i, d := range ds {
		fmt.Printf("metric idle_%s %d\n", names[i], median(9, d))
	}
	started := make(chan bool)
	go func() {
		started <- true
		for atomic.LoadInt32(&stop) == 0 {
		}
	}()
	<-started
	for i, d := range ds {
		fmt.Printf("metric busy_%s %d\n", names[i], median(5, d))
	}
	atomic.StoreInt32(&stop, 1)
}
