package main

import "fmt"

func main() {
	var x interface{} = 42
	n := x.(int)
	fmt.Println(n + 1)
	s, ok := x.(string)
	fmt.Printf("%q %v\n", s, ok)
	var y any = "hi"
	if str, ok := y.(string); ok {
		fmt.Println(str + "!")
	}
	vals := []any{1, "two", 3.0, true, nil}
	fmt.Println(vals, len(vals))
}

// expect-status: 0
// expect-stdout: 43
// expect-stdout: "" false
// expect-stdout: hi!
// expect-stdout: [1 two 3 true <nil>] 5
