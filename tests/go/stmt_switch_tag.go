package main

import "fmt"

func kind(c byte) string {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return "vowel"
	case ' ':
		return "space"
	default:
		return "consonant"
	}
}

func main() {
	for _, c := range []byte("hi yo") {
		fmt.Println(string(c), kind(c))
	}
	switch x := 5; x * 2 {
	case 1:
		fmt.Println("one")
	case 10:
		fmt.Println("ten")
	}
}

// expect-status: 0
// expect-stdout: h consonant
// expect-stdout: i vowel
// expect-stdout:   space
// expect-stdout: y consonant
// expect-stdout: o vowel
// expect-stdout: ten
