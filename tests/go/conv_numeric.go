package main

import "fmt"

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f), float64(7)/2)
	big := int64(1)<<40 + 5
	w, v := 70000, 200
	fmt.Println(int32(big), int16(w), int8(v))
	n := -1
	fmt.Println(uint8(n), uint16(n), uint32(n))
	var u uint = 3
	fmt.Println(int(u)-5, float64(u)*1.5)
	b := byte(65)
	fmt.Println(b, int(b)+1, rune(b))
}

// expect-status: 0
// expect-stdout: 3 -3 3.5
// expect-stdout: 5 4464 -56
// expect-stdout: 255 65535 4294967295
// expect-stdout: -2 4.5
// expect-stdout: 65 66 65
