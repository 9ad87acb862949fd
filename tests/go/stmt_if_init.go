package main

import "fmt"

func sign(x int) string {
	if x < 0 {
		return "negative"
	} else if x == 0 {
		return "zero"
	} else {
		return "positive"
	}
}

func main() {
	for _, v := range []int{-3, 0, 8} {
		fmt.Println(v, sign(v))
	}
	m := map[string]int{"k": 4}
	if v, ok := m["k"]; ok && v > 3 {
		fmt.Println("found", v)
	} else {
		fmt.Println("no", v)
	}
	if n := len(m); n != 1 {
		fmt.Println("unexpected")
	} else {
		fmt.Println("len", n)
	}
}

// expect-status: 0
// expect-stdout: -3 negative
// expect-stdout: 0 zero
// expect-stdout: 8 positive
// expect-stdout: found 4
// expect-stdout: len 1
