package main

import "fmt"

func main() {
	var b byte = 'a'
	var r rune = 'é'
	fmt.Println(b, r, b+1, string(rune(b+1)), string(r))
	fmt.Printf("%c %c %d %T %T\n", b, r, r, b, r)
	s := "é"
	fmt.Println(len(s), s[0], s[1])
	var upper byte = 'z' - 'a' + 'A'
	fmt.Printf("%c\n", upper)
}

// expect-status: 0
// expect-stdout: 97 233 98 b é
// expect-stdout: a é 233 uint8 int32
// expect-stdout: 2 195 169
// expect-stdout: Z
