// timer_latency: time.After and time.NewTicker latencies (ns): first timer of the process, medians of <-time.After(d), ticker intervals.
package main

import (
	"fmt"
	"time"
)

func sorted(v []int64) []int64 {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j-1] > v[j]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
	return v
}

func after(d time.Duration) int64 {
	t := time.Now()
	<-time.After(d)
	return int64(time.Since(t))
}

func afterMedian(d time.Duration) int64 {
	v := make([]int64, 9)
	for i := range v {
		v[i] = after(d)
	}
	return sorted(v)[4]
}

func main() {
	fmt.Printf("metric after_first_1us %d\n", after(time.Microsecond))
	fmt.Printf("metric after_1us %d\n", afterMedian(time.Microsecond))
	fmt.Printf("metric after_100us %d\n", afterMedian(100*time.Microsecond))
	fmt.Printf("metric after_1ms %d\n", afterMedian(time.Millisecond))

	for _, d := range []time.Duration{100 * time.Microsecond, time.Millisecond} {
		t := time.Now()
		tk := time.NewTicker(d)
		v := make([]int64, 20)
		prev := t
		for i := range v {
			now := <-tk.C
			_ = now
			n := time.Now()
			v[i] = int64(n.Sub(prev))
			prev = n
		}
		tk.Stop()
		first := v[0]
		sorted(v)
		name := "1ms"
		if d < time.Millisecond {
			name = "100us"
		}
		fmt.Printf("metric ticker_%s_first %d\n", name, first)
		fmt.Printf("metric ticker_%s_interval_p50 %d\n", name, v[10])
		fmt.Printf("metric ticker_%s_interval_max %d\n", name, v[19])
	}
}
