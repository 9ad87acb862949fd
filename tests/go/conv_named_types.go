package main

import "fmt"

type Meters int
type Feet int
type Names []string

func total(ns Names) int { return len(ns) }

func main() {
	m := Meters(100)
	f := Feet(m * 3)
	fmt.Println(m, f, int(f)+int(m))
	plain := []string{"a", "b"}
	fmt.Println(total(plain), total(Names{"c"}))
	ns := Names(plain)
	ns[0] = "z"
	fmt.Println(plain[0])
}

// expect-status: 0
// expect-stdout: 100 300 400
// expect-stdout: 2 1
// expect-stdout: z
