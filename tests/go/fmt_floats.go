package main

import "fmt"

func main() {
	fmt.Println(3.0, 2.5, 1e6, 1e20, 1e21, 1e-4, 1e-5, 100.0/3)
	fmt.Println(float64(1<<53), 0.1+0.2, -0.0, 1.0/8)
	fmt.Printf("%v %g %.3g %e %.2e\n", 1234.5678, 1234.5678, 1234.5678, 1234.5678, 0.000123)
	fmt.Printf("%f %.1f %.1f %.1f %6.2f|\n", 1.0, 0.25, 0.35, -0.05, 3.14159)
	var z float64
	fmt.Println(z, 1/(z+1), float64(7)/float64(2))
}

// expect-status: 0
// expect-stdout: 3 2.5 1e+06 1e+20 1e+21 0.0001 1e-05 33.333333333333336
// expect-stdout: 9.007199254740992e+15 0.3 0 0.125
// expect-stdout: 1234.5678 1234.5678 1.23e+03 1.234568e+03 1.23e-04
// expect-stdout: 1.000000 0.2 0.3 -0.1   3.14|
// expect-stdout: 0 1 3.5
