package main

import "sync"

func send(ch chan<- int, v int, wg *sync.WaitGroup) {
	defer wg.Done()
	ch <- v
}

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go send(ch, 1, &wg)
	go send(ch, 2, &wg)
	wg.Wait()
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [semacquire]:
// expect-trace: main.main
// expect-trace: 	deadlock_blocked_senders.go:16
// expect-trace: goroutine #2 [chan send]:
// expect-trace: main.send
// expect-trace: 	deadlock_blocked_senders.go:7
// expect-trace: created by main.main
// expect-trace: 	deadlock_blocked_senders.go:14
// expect-trace: goroutine #3 [chan send]:
// expect-trace: main.send
// expect-trace: 	deadlock_blocked_senders.go:7
// expect-trace: created by main.main
// expect-trace: 	deadlock_blocked_senders.go:15
