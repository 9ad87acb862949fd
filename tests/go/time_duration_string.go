package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println(time.Nanosecond, time.Microsecond, time.Millisecond, time.Second)
	fmt.Println(time.Minute, time.Hour, 90*time.Minute)
	fmt.Println(1500*time.Millisecond, 2*time.Second+300*time.Millisecond)
	fmt.Println(time.Duration(0), time.Duration(1), -3*time.Second)
	fmt.Println(1234567*time.Nanosecond, 26*time.Hour+3*time.Second)
	d := 1500 * time.Microsecond
	fmt.Println(d.String(), d)
	fmt.Printf("%v %s %d\n", d, d, d)
}

// expect-status: 0
// expect-stdout: 1ns 1µs 1ms 1s
// expect-stdout: 1m0s 1h0m0s 1h30m0s
// expect-stdout: 1.5s 2.3s
// expect-stdout: 0s 1ns -3s
// expect-stdout: 1.234567ms 26h0m3s
// expect-stdout: 1.5ms 1.5ms
// expect-stdout: 1.5ms 1.5ms 1500000
