package main

import (
	"fmt"
	"time"
)

type State int

const (
	Idle State = iota + 1
	Running
	Done
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

const Timeout = 3 * time.Second

func main() {
	fmt.Println(Idle, Running, Done, State(9))
	fmt.Println(Timeout, Timeout/2)
	fmt.Printf("%T\n", Timeout)
}

// expect-status: 0
// expect-stdout: idle running State(3) State(9)
// expect-stdout: 3s 1.5s
// expect-stdout: time.Duration
