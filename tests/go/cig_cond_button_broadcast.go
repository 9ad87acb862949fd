// outcomes: several (Concurrency in Go, ch. 3: the three handlers wake in any order)
package main

import (
	"fmt"
	"sync"
)

type Button struct {
	Clicked *sync.Cond
}

func main() {
	button := Button{Clicked: sync.NewCond(&sync.Mutex{})}
	subscribe := func(c *sync.Cond, fn func()) {
		var goroutineRunning sync.WaitGroup
		goroutineRunning.Add(1)
		go func() {
			c.L.Lock()
			defer c.L.Unlock()
			goroutineRunning.Done()
			c.Wait()
			fn()
		}()
		goroutineRunning.Wait()
	}
	var clickRegistered sync.WaitGroup
	clickRegistered.Add(3)
	subscribe(button.Clicked, func() {
		fmt.Println("Maximizing window.")
		clickRegistered.Done()
	})
	subscribe(button.Clicked, func() {
		fmt.Println("Displaying annoying dialog box!")
		clickRegistered.Done()
	})
	subscribe(button.Clicked, func() {
		fmt.Println("Mouse clicked.")
		clickRegistered.Done()
	})
	button.Clicked.L.Lock()
	button.Clicked.Broadcast()
	button.Clicked.L.Unlock()
	clickRegistered.Wait()
}

// schedule: 1x45.2x13.1x30.3x13.1x30.4x13.1x17.2x3 (after the broadcast, the first handler takes the lock first)
// outcome: by hand (any order)
// expect-status: 0
// expect-stdout: Maximizing window.
// expect-stdout: Displaying annoying dialog box!
// expect-stdout: Mouse clicked.
// outcome: by hand (any order)
// expect-status: 0
// expect-stdout: Maximizing window.
// expect-stdout: Mouse clicked.
// expect-stdout: Displaying annoying dialog box!
// outcome: by hand (any order)
// expect-status: 0
// expect-stdout: Displaying annoying dialog box!
// expect-stdout: Maximizing window.
// expect-stdout: Mouse clicked.
// outcome: by hand (any order)
// expect-status: 0
// expect-stdout: Displaying annoying dialog box!
// expect-stdout: Mouse clicked.
// expect-stdout: Maximizing window.
// outcome: observed
// expect-status: 0
// expect-stdout: Mouse clicked.
// expect-stdout: Maximizing window.
// expect-stdout: Displaying annoying dialog box!
// outcome: observed
// expect-status: 0
// expect-stdout: Mouse clicked.
// expect-stdout: Displaying annoying dialog box!
// expect-stdout: Maximizing window.
