package main

import "fmt"

func main() {
	var b uint8 = 255
	b++
	var u uint = 0
	u--
	var u32 uint32 = 1 << 31
	u32 *= 2
	var u16 uint16 = 3
	fmt.Println(b, u, u32, u16-4)
	x, y := uint8(200), uint8(100)
	fmt.Println(uint64(1)<<63, ^uint8(0), x+y)
}

// expect-status: 0
// expect-stdout: 0 18446744073709551615 0 65535
// expect-stdout: 9223372036854775808 255 44
