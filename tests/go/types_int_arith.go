package main

import "fmt"

func main() {
	a, b := 17, 5
	fmt.Println(a+b, a-b, a*b, a/b, a%b)
	fmt.Println(-a/b, -a%b, a/-b, a%-b)
	fmt.Println(a&b, a|b, a^b, a&^b, a<<2, a>>1)
	x := 10
	x += 5
	x -= 3
	x *= 2
	x /= 4
	x %= 4
	x++
	fmt.Println(x)
}

// expect-status: 0
// expect-stdout: 22 12 85 3 2
// expect-stdout: -3 -2 -3 2
// expect-stdout: 1 21 20 16 68 8
// expect-stdout: 3
