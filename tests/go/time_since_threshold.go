package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(30 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println("slept at least 30ms:", elapsed >= 30*time.Millisecond)
	fmt.Println("well under a second:", elapsed < time.Second)
	t1 := time.Now()
	time.Sleep(10 * time.Millisecond)
	t2 := time.Now()
	d := t2.Sub(t1)
	fmt.Println(d >= 10*time.Millisecond, t2.After(t1), t1.Before(t2))
	fmt.Println(d.Round(10*time.Millisecond) >= 10*time.Millisecond)
}

// expect-status: 0
// expect-stdout: slept at least 30ms: true
// expect-stdout: well under a second: true
// expect-stdout: true true true
// expect-stdout: true
