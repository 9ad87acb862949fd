package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	a = iota * 10
	b
	c
)

const single = iota

func main() {
	fmt.Println(Sunday, Monday, Tuesday)
	fmt.Println(a, b, c, single)
	fmt.Printf("%T %T\n", Tuesday, b)
}

// expect-status: 0
// expect-stdout: 0 1 2
// expect-stdout: 0 10 20 0
// expect-stdout: main.Weekday int
