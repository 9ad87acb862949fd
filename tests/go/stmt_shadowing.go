package main

import "fmt"

var x = "package"

func main() {
	fmt.Println(x)
	x := 1
	if x := 2; x > 1 {
		fmt.Println("if", x)
	}
	{
		x := 3
		x++
		fmt.Println("block", x)
	}
	for x := 0; x < 1; x++ {
		fmt.Println("for", x)
	}
	fmt.Println("main", x)
}

// expect-status: 0
// expect-stdout: package
// expect-stdout: if 2
// expect-stdout: block 4
// expect-stdout: for 0
// expect-stdout: main 1
