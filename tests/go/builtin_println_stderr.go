package main

import "fmt"

func main() {
	fmt.Println("stdout line")
	println("println goes to stderr", 42, true)
	print("print", "has", "no", "spaces", 7, "\n")
	println(1.5, -2.0, 'x', int8(-3), uint(4))
	println()
	println("done")
}

// expect-status: 0
// expect-stdout: stdout line
// expect-stderr: println goes to stderr 42 true
// expect-stderr: printhasnospaces7
// expect-stderr: +1.500000e+000 -2.000000e+000 120 -3 4
// expect-stderr:
// expect-stderr: done
