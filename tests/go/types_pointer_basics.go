package main

import "fmt"

type T struct{ v int }

func main() {
	x := 1
	p := &x
	*p = 2
	fmt.Println(x, *p, p == &x)
	q := new(int)
	*q += 5
	fmt.Println(*q)
	t := &T{v: 3}
	t.v *= 10
	u := t
	u.v++
	fmt.Println(t.v, (*t).v, t == u)
	var np *int
	fmt.Println(np == nil)
}

// expect-status: 0
// expect-stdout: 2 2 true
// expect-stdout: 5
// expect-stdout: 31 31 true
// expect-stdout: true
