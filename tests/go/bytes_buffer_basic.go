package main

import (
	"bytes"
	"fmt"
)

func main() {
	var b bytes.Buffer
	b.WriteString("hello")
	b.WriteByte(' ')
	b.Write([]byte("world"))
	fmt.Println(b.String(), b.Len())
	b.Reset()
	fmt.Printf("%q %d\n", b.String(), b.Len())
	buf := bytes.NewBufferString("start:")
	buf.WriteString("more")
	fmt.Println(buf.String())
}

// expect-status: 0
// expect-stdout: hello world 11
// expect-stdout: "" 0
// expect-stdout: start:more
