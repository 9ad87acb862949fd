package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	groups := map[bool][]int{}
	for i := 1; i <= 6; i++ {
		groups[i%2 == 0] = append(groups[i%2 == 0], i)
	}
	fmt.Println(groups[true], groups[false])
	seen := map[Point]string{}
	seen[Point{1, 2}] = "a"
	seen[Point{1, 2}] += "b"
	fmt.Println(seen[Point{1, 2}], len(seen))
	byName := map[string]*Point{"p": {3, 4}}
	byName["p"].X = 30
	fmt.Println(*byName["p"])
}

// expect-status: 0
// expect-stdout: [2 4 6] [1 3 5]
// expect-stdout: ab 1
// expect-stdout: {30 4}
