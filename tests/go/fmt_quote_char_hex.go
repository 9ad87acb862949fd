package main

import "fmt"

func main() {
	fmt.Printf("%q\n", "quotes \" backslash \\ newline \n tab \t bell \a")
	fmt.Printf("%q %q\n", "日本", '\n')
	fmt.Printf("%c|%c|%c\n", 65, 'é', '世')
	fmt.Printf("%x %X %#x %x\n", 3054, 3054, 3054, "Go!")
	fmt.Printf("%d %v\n", 'A', 'A')
	fmt.Printf("%5.1q|%-4c|\n", "abc", 'z')
}

// expect-status: 0
// expect-stdout: "quotes \" backslash \\ newline \n tab \t bell \a"
// expect-stdout: "日本" '\n'
// expect-stdout: A|é|世
// expect-stdout: bee BEE 0xbee 476f21
// expect-stdout: 65 65
// expect-stdout:   "a"|z   |
