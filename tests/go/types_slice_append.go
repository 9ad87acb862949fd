package main

import "fmt"

func main() {
	var s []int
	for i := 0; i < 5; i++ {
		s = append(s, i*i)
	}
	fmt.Println(s, len(s))
	s = append(s, 100, 200)
	t := []int{-1, -2}
	s = append(s, t...)
	fmt.Println(s)
	words := append([]string{}, "a", "b")
	words = append(words[:1], "c")
	fmt.Println(words, len(words))
}

// expect-status: 0
// expect-stdout: [0 1 4 9 16] 5
// expect-stdout: [0 1 4 9 16 100 200 -1 -2]
// expect-stdout: [a c] 2
