package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(10 * time.Millisecond)
	done := time.After(45 * time.Millisecond)
	ticks := 0
loop:
	for {
		select {
		case <-ticker.C:
			ticks++
		case <-done:
			break loop
		}
	}
	ticker.Stop()
	fmt.Println("ticks:", ticks)
	select {
	case <-ticker.C:
		fmt.Println("tick after stop")
	case <-time.After(30 * time.Millisecond):
		fmt.Println("no ticks after Stop")
	}
}

// expect-status: 0
// expect-stdout: ticks: 4
// expect-stdout: no ticks after Stop
