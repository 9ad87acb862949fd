package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", t.Stop())
	fmt.Println("second stop:", t.Stop())
	t2 := time.NewTimer(10 * time.Millisecond)
	<-t2.C
	fmt.Println("fired")
	fmt.Println("stop after firing:", t2.Stop())
	select {
	case <-t.C:
		fmt.Println("stopped timer fired")
	default:
		fmt.Println("stopped timer is silent")
	}
}

// expect-status: 0
// expect-stdout: stopped before firing: true
// expect-stdout: second stop: false
// expect-stdout: fired
// expect-stdout: stop after firing: false
// expect-stdout: stopped timer is silent
