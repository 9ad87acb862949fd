package main

import "fmt"

func triple() (n int) {
	defer func() { n *= 3 }()
	n = 2
	return n + 1
}

func safe() (msg string) {
	defer func() {
		if msg == "" {
			msg = "default"
		}
	}()
	return ""
}

func main() {
	fmt.Println(triple(), safe())
}

// expect-status: 0
// expect-stdout: 9 default
