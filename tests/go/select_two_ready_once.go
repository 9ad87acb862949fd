// outcomes: several (both cases are ready; select picks one uniformly at random)
package main

import "fmt"

func main() {
	a := make(chan string, 1)
	b := make(chan string, 1)
	a <- "a"
	b <- "b"
	select {
	case v := <-a:
		fmt.Println(v)
	case v := <-b:
		fmt.Println(v)
	}
}

// outcome: observed
// expect-status: 0
// expect-stdout: a
// outcome: observed
// expect-status: 0
// expect-stdout: b
