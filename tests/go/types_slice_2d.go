package main

import "fmt"

func main() {
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, i+1)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid, len(grid[2]))
	rows := [][]string{{"a"}, {"b", "c"}}
	rows[0] = append(rows[0], "z")
	fmt.Println(rows)
}

// expect-status: 0
// expect-stdout: [[0] [0 1] [0 2 4]] 3
// expect-stdout: [[a z] [b c]]
