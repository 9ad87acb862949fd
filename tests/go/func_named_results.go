package main

import "fmt"

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func parse(s string) (n int, ok bool) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return
		}
		n = n*10 + int(c-'0')
	}
	ok = true
	return
}

func main() {
	fmt.Println(split(17))
	fmt.Println(parse("123"))
	fmt.Println(parse("12x"))
}

// expect-status: 0
// expect-stdout: 7 10
// expect-stdout: 123 true
// expect-stdout: 12 false
