package main

import (
	"fmt"
	"os/exec"
)

func main() {
	fmt.Println(exec.Command("true") != nil)
}

// expect-error: 5:2: interleave does not support package os/exec
