package main

import "fmt"

func main() {
	fmt.Println("a", 1, 2, "b", true)
	fmt.Print("a", 1, 2, "b", true, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print("x", "y", "\n")
	s := fmt.Sprint("n=", 5, 6, " ", 7.5)
	t := fmt.Sprintln("line", 3)
	u := fmt.Sprintf("%d-%s", 9, "z")
	fmt.Printf("%q %q %q\n", s, t, u)
	fmt.Print()
	fmt.Println()
	fmt.Print("end without newline")
}

// expect-status: 0
// expect-stdout: a 1 2 b true
// expect-stdout: a1 2btrue
// expect-stdout: 1 2
// expect-stdout: xy
// expect-stdout: "n=5 6 7.5" "line 3\n" "9-z"
// expect-stdout:
// expect-stdout-noeol: end without newline
