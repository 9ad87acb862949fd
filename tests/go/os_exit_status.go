package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred calls do not run on os.Exit")
	fmt.Println("exiting with 3")
	fmt.Fprintln(os.Stderr, "error: giving up")
	os.Exit(3)
}

// expect-status: 3
// expect-stdout: exiting with 3
// expect-stderr: error: giving up
