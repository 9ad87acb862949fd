package main

import "fmt"

func main() {
	var ptrs []*string
	var funcs []func() string
	for _, s := range []string{"a", "b", "c"} {
		ptrs = append(ptrs, &s)
		funcs = append(funcs, func() string { return s })
	}
	for i := range ptrs {
		fmt.Println(*ptrs[i], funcs[i](), ptrs[i] == ptrs[0])
	}
}

// expect-status: 0
// expect-stdout: c c true
// expect-stdout: c c true
// expect-stdout: c c true
