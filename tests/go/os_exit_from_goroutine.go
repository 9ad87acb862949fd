package main

import (
	"fmt"
	"os"
)

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker exits the process")
		os.Exit(4)
	}()
	<-done
	fmt.Println("never printed")
}

// expect-status: 4
// expect-stdout: worker exits the process
