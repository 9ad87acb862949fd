package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * r.n
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	for i := 1; i <= 3; i++ {
		r := request{i, make(chan int)}
		reqs <- r
		fmt.Println(i, <-r.reply)
	}
	close(reqs)
}

// expect-status: 0
// expect-stdout: 1 1
// expect-stdout: 2 4
// expect-stdout: 3 9
