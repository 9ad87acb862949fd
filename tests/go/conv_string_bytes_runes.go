package main

import "fmt"

func main() {
	s := "héllo"
	b := []byte(s)
	r := []rune(s)
	fmt.Println(len(b), len(r), b[1], r[1])
	b[0] = 'H'
	r[1] = 'e'
	fmt.Println(string(b), string(r), s)
	fmt.Println(string(rune(0x4e16)), string([]rune{72, 105}))
	bs := []byte{'g', 'o'}
	fmt.Println(string(bs) + "!")
}

// expect-status: 0
// expect-stdout: 6 5 195 233
// expect-stdout: Héllo hello héllo
// expect-stdout: 世 Hi
// expect-stdout: go!
