package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4}
	dst := make([]int, 2)
	n := copy(dst, src)
	fmt.Println(n, dst)
	big := make([]int, 6)
	n = copy(big, src)
	fmt.Println(n, big)
	s := []int{1, 2, 3, 4, 5}
	copy(s[1:], s)
	fmt.Println(s)
	b := make([]byte, 3)
	n = copy(b, "hello")
	fmt.Println(n, string(b))
}

// expect-status: 0
// expect-stdout: 2 [1 2]
// expect-stdout: 4 [1 2 3 4 0 0]
// expect-stdout: [1 1 2 3 4]
// expect-stdout: 3 hel
