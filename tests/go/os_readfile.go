package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	data, err := os.ReadFile("os_data.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d bytes\n", len(data))
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		fmt.Printf("%d: %s\n", i, line)
	}
	_, err = os.ReadFile("nofile.txt")
	fmt.Println(err)
}

// expect-status: 0
// expect-stdout: 26 bytes
// expect-stdout: 0: apples 3
// expect-stdout: 1: pears 5
// expect-stdout: 2: plums 11
// expect-stdout: open nofile.txt: no such file or directory
