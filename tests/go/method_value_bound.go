package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }

func (a Acc) Get() int { return a.total }

func main() {
	a := &Acc{}
	add := a.Add
	add(3)
	add(4)
	get := a.Get
	a.Add(100)
	fmt.Println(a.total, get())
	fs := []func(int){a.Add, a.Add}
	for i, f := range fs {
		f(i + 1)
	}
	fmt.Println(a.Get())
}

// expect-status: 0
// expect-stdout: 107 7
// expect-stdout: 110
