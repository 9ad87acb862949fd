package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 98
const Third = 1.0 / 3
const Typed int64 = 7

func main() {
	fmt.Println(Small, 7/2, 7/2.0, 7.0/2)
	fmt.Println(Third*3 == 1, Big/Big)
	var f float64 = 1 / 2
	var g float64 = 1 / 2.0
	fmt.Println(f, g)
	fmt.Println(Typed/2, 'a'+1, "con"+"cat")
	const h = 'x' - 'a'
	fmt.Printf("%T %v\n", h, h)
}

// expect-status: 0
// expect-stdout: 4 3 3.5 3.5
// expect-stdout: true 1
// expect-stdout: 0 0.5
// expect-stdout: 3 98 concat
// expect-stdout: int32 23
