package main

import "fmt"

func main() {
	total := 1
	fmt.Println(totl)
	_ = total
}

// expect-error: 7:14: undefined: totl
