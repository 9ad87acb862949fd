package main

import "fmt"

func main() {
	fmt.Println(int16(70000))
}

// expect-error: 6:20: cannot convert 70000 (untyped int constant) to type int16
