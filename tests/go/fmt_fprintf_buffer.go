package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

func report(w io.Writer, name string, n int) {
	fmt.Fprintf(w, "%s: %d\n", name, n)
}

func main() {
	var buf bytes.Buffer
	report(&buf, "apples", 3)
	report(&buf, "pears", 5)
	fmt.Fprint(&buf, "total ", 8)
	fmt.Println(buf.Len())
	fmt.Println(buf.String())
	report(os.Stdout, "direct", 1)
	var w io.Writer = os.Stdout
	fmt.Fprintln(w, "via io.Writer")
}

// expect-status: 0
// expect-stdout: 26
// expect-stdout: apples: 3
// expect-stdout: pears: 5
// expect-stdout: total 8
// expect-stdout: direct: 1
// expect-stdout: via io.Writer
