package main

import (
	"errors"
	"fmt"
)

type T struct{ X int }

func main() {
	var p *T
	var e error
	var i interface{}
	var f func()
	var ch chan int
	fmt.Println(p, e, i, f == nil, ch)
	fmt.Printf("%v %v %v %+v\n", p, e, i, p)
	fmt.Printf("%d %s\n", i, e)
	fmt.Println(errors.New("real error"), []error{nil})
}

// expect-status: 0
// expect-stdout: <nil> <nil> <nil> true <nil>
// expect-stdout: <nil> <nil> <nil> <nil>
// expect-stdout: %!d(<nil>) %!s(<nil>)
// expect-stdout: real error [<nil>]
