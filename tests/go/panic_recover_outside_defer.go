package main

import "fmt"

func helper() interface{} { return recover() }

func main() {
	fmt.Println(recover())
	defer func() {
		fmt.Println("direct:", recover())
	}()
	defer func() {
		fmt.Println("nested helper:", helper())
	}()
	panic("value")
}

// expect-status: 0
// expect-stdout: <nil>
// expect-stdout: nested helper: <nil>
// expect-stdout: direct: value
