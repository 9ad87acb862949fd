package main

import "fmt"

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] = 2
	m["a"] += 10
	fmt.Println(m["a"], m["b"], m["missing"], len(m))
	delete(m, "b")
	delete(m, "nothing")
	fmt.Println(len(m), m)
	counts := map[rune]int{}
	for _, r := range "banana" {
		counts[r]++
	}
	fmt.Println(counts['a'], counts['n'], counts['b'], len(counts))
}

// expect-status: 0
// expect-stdout: 11 2 0 2
// expect-stdout: 1 map[a:11]
// expect-stdout: 3 2 1 3
