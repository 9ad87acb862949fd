package main

import "fmt"

type Inner struct {
	A int
	B string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	Tags  []string
	Count map[string]int
}

func main() {
	in := Inner{1, "x"}
	o := Outer{Name: "o", In: in, Ptr: &in, Tags: []string{"a", "b"}, Count: map[string]int{"k": 2}}
	fmt.Printf("%v\n", in)
	fmt.Printf("%+v\n", in)
	fmt.Println(&in)
	fmt.Printf("%+v\n", &in)
	fmt.Printf("%v\n", o.In)
	fmt.Printf("%+v\n", Outer{Name: "n"})
	fmt.Println([]Inner{{2, "y"}, {3, "z"}}, []*Inner{nil})
	fmt.Printf("%v|%s|%d\n", in, in, in)
	fmt.Println(struct{}{}, struct{ X, Y int }{1, 2})
}

// expect-status: 0
// expect-stdout: {1 x}
// expect-stdout: {A:1 B:x}
// expect-stdout: &{1 x}
// expect-stdout: &{A:1 B:x}
// expect-stdout: {1 x}
// expect-stdout: {Name:n In:{A:0 B:} Ptr:<nil> Tags:[] Count:map[]}
// expect-stdout: [{2 y} {3 z}] [<nil>]
// expect-stdout: {1 x}|{%!s(int=1) x}|{1 %!d(string=x)}
// expect-stdout: {} {1 2}
