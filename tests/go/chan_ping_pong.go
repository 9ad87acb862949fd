package main

import "fmt"

func player(name string, in <-chan int, out chan<- int, done chan<- bool) {
	for ball := range in {
		fmt.Println(name, ball)
		if ball == 5 {
			close(out)
			done <- true
			return
		}
		out <- ball + 1
	}
	done <- true
}

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan bool)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 0
	<-done
	<-done
}

// expect-status: 0
// expect-stdout: ping 0
// expect-stdout: pong 1
// expect-stdout: ping 2
// expect-stdout: pong 3
// expect-stdout: ping 4
// expect-stdout: pong 5
