package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		fmt.Println("sleeper exits without sending")
	}()
	fmt.Println("main waits")
	<-ch
}

// expect-status: 2
// expect-stdout: main waits
// expect-stdout: sleeper exits without sending
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [chan receive]:
// expect-trace: main.main
// expect-trace: 	time_timers_delay_deadlock.go:15
