package main

import "fmt"

func main() {
	fmt.Printf("%v %d %s %t\n", 42, -7, "str", true)
	fmt.Printf("%q %q %q\n", "hi \"there\"\n", 'x', "tab\t")
	fmt.Printf("%x %X %x %x\n", 255, 255, "hi", -16)
	fmt.Printf("%c%c%c %U\n", 'G', 'o', 0x4e16, 'A')
	fmt.Printf("%T %T %T %T %T\n", 1, "s", 2.5, true, 'r')
	fmt.Printf("%o %b %08b 100%%\n", 8, 5, 5)
}

// expect-status: 0
// expect-stdout: 42 -7 str true
// expect-stdout: "hi \"there\"\n" 'x' "tab\t"
// expect-stdout: ff FF 6869 -10
// expect-stdout: Go世 U+0041
// expect-stdout: int string float64 bool int32
// expect-stdout: 10 101 00000101 100%
