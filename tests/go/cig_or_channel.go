package main

import (
	"fmt"
	"time"
)

func main() {
	var or func(channels ...<-chan interface{}) <-chan interface{}
	or = func(channels ...<-chan interface{}) <-chan interface{} {
		switch len(channels) {
		case 0:
			return nil
		case 1:
			return channels[0]
		}
		orDone := make(chan interface{})
		go func() {
			defer close(orDone)
			switch len(channels) {
			case 2:
				select {
				case <-channels[0]:
				case <-channels[1]:
				}
			default:
				select {
				case <-channels[0]:
				case <-channels[1]:
				case <-channels[2]:
				case <-or(append(channels[3:], orDone)...):
				}
			}
		}()
		return orDone
	}
	sig := func(after time.Duration) <-chan interface{} {
		c := make(chan interface{})
		go func() {
			defer close(c)
			time.Sleep(after)
		}()
		return c
	}
	start := time.Now()
	<-or(sig(2*time.Hour), sig(5*time.Minute), sig(20*time.Millisecond), sig(time.Hour), sig(time.Minute))
	elapsed := time.Since(start)
	fmt.Println("done after at least 20ms:", elapsed >= 20*time.Millisecond)
	fmt.Println("and well before a minute:", elapsed < time.Minute)
}

// expect-status: 0
// expect-stdout: done after at least 20ms: true
// expect-stdout: and well before a minute: true
