package main

import "fmt"

func check(name string, v bool) bool {
	fmt.Println("check", name)
	return v
}

func main() {
	if check("a", false) && check("b", true) {
		fmt.Println("and: yes")
	}
	if check("c", true) || check("d", true) {
		fmt.Println("or: yes")
	}
	t, f := true, false
	fmt.Println(!t, t && !f, t == f, t != f)
}

// expect-status: 0
// expect-stdout: check a
// expect-stdout: check c
// expect-stdout: or: yes
// expect-stdout: false true false true
