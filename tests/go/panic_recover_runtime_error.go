package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v\n", name, r)
	}()
	f()
}

func main() {
	xs := []int{1, 2, 3}
	i := 5
	var m map[string]int
	var p *struct{ x int }
	try("index", func() { _ = xs[i] })
	try("slice", func() { _ = xs[1:i] })
	try("map", func() { m["a"] = 1 })
	try("nil", func() { p.x = 1 })
	try("conv", func() {
		var v interface{} = "s"
		_ = v.(int)
	})
	try("none", func() {})
}

// expect-status: 0
// expect-stdout: index: runtime error: index out of range [5] with length 3
// expect-stdout: slice: runtime error: slice bounds out of range [:5] with capacity 3
// expect-stdout: map: assignment to entry in nil map
// expect-stdout: nil: runtime error: invalid memory address or nil pointer dereference
// expect-stdout: conv: interface conversion: interface {} is string, not int
// expect-stdout: none: <nil>
