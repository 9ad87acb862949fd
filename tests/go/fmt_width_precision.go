package main

import "fmt"

func main() {
	fmt.Printf("[%5d] [%-5d] [%05d] [%+d]\n", 42, 42, 42, 42)
	fmt.Printf("[%8s] [%-8s] [%.2s] [%8.3s]\n", "go", "go", "gopher", "gopher")
	fmt.Printf("[%.2f] [%8.3f] [%-8.1f] [%08.2f]\n", 3.14159, 3.14159, 2.5, -1.5)
	fmt.Printf("[%6.2f] [%.0f] [%.0f] [%e]\n", 12.345, 2.5, 3.5, 123456.789)
	fmt.Printf("[%*d] [%-*d]\n", 4, 7, 4, 7)
	fmt.Printf("[%5t] [%3c] [%6q]\n", true, 'x', "a")
	fmt.Printf("[%4x] [%-6v] [%6v]\n", 255, []int{1}, 1.5)
}

// expect-status: 0
// expect-stdout: [   42] [42   ] [00042] [+42]
// expect-stdout: [      go] [go      ] [go] [     gop]
// expect-stdout: [3.14] [   3.142] [2.5     ] [-0001.50]
// expect-stdout: [ 12.35] [2] [4] [1.234568e+05]
// expect-stdout: [   7] [7   ]
// expect-stdout: [ true] [  x] [   "a"]
// expect-stdout: [  ff] [[1     ]] [   1.5]
