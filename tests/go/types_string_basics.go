package main

import "fmt"

func main() {
	s := "hello"
	t := s + ", world"
	fmt.Println(len(s), len(t), t)
	fmt.Println(s[0], s[1:3], s[:2], s[3:], string(s[4]))
	fmt.Println(s == "hello", s < "help", "abc" > "abd")
	u := s
	s += "!"
	fmt.Println(s, u)
	fmt.Println(len("héllo"))
}

// expect-status: 0
// expect-stdout: 5 12 hello, world
// expect-stdout: 104 el he lo o
// expect-stdout: true true false
// expect-stdout: hello! hello
// expect-stdout: 6
