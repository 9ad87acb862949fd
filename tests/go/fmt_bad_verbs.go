package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "hi")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("%z\n", 3)
	fmt.Println(fmt.Sprintf("%t", 1))
}

// expect-status: 0
// expect-stdout: %!d(string=hi)
// expect-stdout: %!s(int=42)
// expect-stdout: 1 %!d(MISSING)
// expect-stdout: 1
// expect-stdout: %!(EXTRA int=2)%!!(MISSING)
// expect-stdout: %!z(int=3)
// expect-stdout: %!t(int=1)
