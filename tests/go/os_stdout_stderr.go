package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Fprintf(os.Stderr, "to stderr %d\n", 1)
	fmt.Fprint(os.Stderr, "no newline on stderr")
	n, err := fmt.Fprintf(os.Stdout, "%s=%d\n", "x", 42)
	fmt.Println(n, err)
}

// expect-status: 0
// expect-stdout: to stdout
// expect-stdout: x=42
// expect-stdout: 5 <nil>
// expect-stderr: to stderr 1
// expect-stderr-noeol: no newline on stderr
