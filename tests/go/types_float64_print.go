package main

import "fmt"

func main() {
	x := 0.1
	y := 0.2
	fmt.Println(x+y, 1.0/3.0, 2.5*4)
	fmt.Println(1e6, 1e21, 123456789.0, 0.000001234)
	var f float64 = 7
	fmt.Println(f/2, f > 3.5, -f)
	fmt.Printf("%v %.3f %g\n", f/3, f/3, f/3)
}

// expect-status: 0
// expect-stdout: 0.30000000000000004 0.3333333333333333 10
// expect-stdout: 1e+06 1e+21 1.23456789e+08 1.234e-06
// expect-stdout: 3.5 true -7
// expect-stdout: 2.3333333333333335 2.333 2.3333333333333335
