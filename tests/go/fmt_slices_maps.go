package main

import "fmt"

func main() {
	fmt.Println([]int{1, 2, 3}, []string{"a", "b"}, [2]bool{true})
	fmt.Printf("%v %d %q\n", []int{4, 5}, []int{6}, []string{"x y", "z"})
	fmt.Println(map[string]int{"b": 2, "a": 1, "c": 3})
	fmt.Println(map[int][]int{2: {20}, 1: {10, 11}})
	var ns []int
	var nm map[string]bool
	fmt.Println(ns, nm, len(ns))
	fmt.Printf("%v %d\n", [][]int{{1}, {2, 3}, nil}, [][]int{{7}})
	fmt.Printf("%x %X % x\n", []byte("hi"), []byte{1, 171}, []byte{1, 2, 255})
	fmt.Println([]byte("AB"), []rune("AB"))
	fmt.Println([]interface{}{1, "a", nil, 2.5})
}

// expect-status: 0
// expect-stdout: [1 2 3] [a b] [true false]
// expect-stdout: [4 5] [6] ["x y" "z"]
// expect-stdout: map[a:1 b:2 c:3]
// expect-stdout: map[1:[10 11] 2:[20]]
// expect-stdout: [] map[] 0
// expect-stdout: [[1] [2 3] []] [[7]]
// expect-stdout: 6869 01AB 01 02 ff
// expect-stdout: [65 66] [65 66]
// expect-stdout: [1 a <nil> 2.5]
