package main

import (
	"fmt"
	"os"
)

func main() {
	go func() {
		fmt.Println("worker ends the program")
		os.Exit(0)
	}()
	select {}
}

// expect-status: 0
// expect-stdout: worker ends the program
