package main

import (
	"bytes"
	"fmt"
	"os"
)

func main() {
	var stdoutBuff bytes.Buffer
	defer stdoutBuff.WriteTo(os.Stdout)
	intStream := make(chan int, 4)
	producerDone := make(chan struct{})
	go func() {
		defer close(producerDone)
		defer close(intStream)
		for i := 0; i < 5; i++ {
			intStream <- i
		}
	}()
	for integer := range intStream {
		fmt.Fprintf(&stdoutBuff, "Received %v.\n", integer)
	}
	<-producerDone
	fmt.Fprintln(&stdoutBuff, "Producer done.")
}

// expect-status: 0
// expect-stdout: Received 0.
// expect-stdout: Received 1.
// expect-stdout: Received 2.
// expect-stdout: Received 3.
// expect-stdout: Received 4.
// expect-stdout: Producer done.
