package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func main() {
	n := &Node{Val: 1}
	fmt.Println(n.Val)
	fmt.Println(n.Next.Val)
}

// expect-status: 2
// expect-stdout: 1
// expect-stderr: panic: runtime error: invalid memory address or nil pointer dereference
// expect-stderr: [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=?]
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_nil_pointer.go:13
