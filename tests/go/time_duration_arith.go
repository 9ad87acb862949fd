package main

import (
	"fmt"
	"time"
)

func main() {
	d := 90 * time.Second
	fmt.Println(d.Minutes(), d.Seconds(), d.Milliseconds())
	fmt.Println(d/time.Minute, d%time.Minute, d*2, d-time.Minute)
	n := 3
	wait := time.Duration(n) * 250 * time.Millisecond
	fmt.Println(wait, wait > time.Second/2, int64(wait))
	fmt.Println(time.Hour.Hours(), (time.Second / 3).Nanoseconds())
	fmt.Println(d.Round(time.Minute), d.Truncate(time.Minute))
}

// expect-status: 0
// expect-stdout: 1.5 90 90000
// expect-stdout: 1ns 30s 3m0s 30s
// expect-stdout: 750ms true 750000000
// expect-stdout: 1 333333333
// expect-stdout: 2m0s 1m0s
