package main

import "fmt"

type result struct {
	idx, val int
}

func main() {
	inputs := []int{3, 1, 4, 1, 5}
	results := make(chan result)
	for i, x := range inputs {
		go func(i, x int) {
			results <- result{i, x * x}
		}(i, x)
	}
	out := make([]int, len(inputs))
	for range inputs {
		r := <-results
		out[r.idx] = r.val
	}
	fmt.Println(out)
}

// expect-status: 0
// expect-stdout: [9 1 16 1 25]
