package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	close(a)
	close(b)
	countA, countB := 0, 0
	for i := 0; i < 1000; i++ {
		select {
		case <-a:
			countA++
		case <-b:
			countB++
		}
	}
	fmt.Println("total", countA+countB)
	fmt.Println("both chosen often:", countA > 350 && countB > 350)
}

// expect-status: 0
// expect-stdout: total 1000
// expect-stdout: both chosen often: true
