package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  Hello, Gophers  "
	t := strings.TrimSpace(s)
	fmt.Printf("%q\n", t)
	fmt.Println(strings.ToUpper(t), strings.ToLower(t))
	fmt.Println(strings.Contains(t, "Go"), strings.HasPrefix(t, "Hell"), strings.HasSuffix(t, "x"))
	fmt.Println(strings.Index(t, "o"), strings.LastIndex(t, "o"), strings.Index(t, "z"))
	parts := strings.Split("a,b,,c", ",")
	fmt.Println(len(parts), parts)
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Repeat("ab", 3), strings.Replace("oink oink oink", "k", "ky", 2))
	fmt.Println(strings.ReplaceAll("a-b-c", "-", "+"), strings.Fields(" a  b c "))
	fmt.Println(strings.Count("cheese", "e"), strings.TrimPrefix("prefix-x", "prefix-"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.TrimSuffix("file.go", ".go"))
}

// expect-status: 0
// expect-stdout: "Hello, Gophers"
// expect-stdout: HELLO, GOPHERS hello, gophers
// expect-stdout: true true false
// expect-stdout: 4 8 -1
// expect-stdout: 4 [a b  c]
// expect-stdout: x-y-z
// expect-stdout: ababab oinky oinky oink
// expect-stdout: a+b+c [a b c]
// expect-stdout: 3 x
// expect-stdout: true file
