package main

import "fmt"

func main() {
	grid := [][]int{{1, 2, 3}, {4, -5, 6}, {7, 8, 9}}
	found := false
outer:
	for r, row := range grid {
		for c, v := range row {
			if v < 0 {
				fmt.Println("negative at", r, c)
				found = true
				break outer
			}
		}
	}
	fmt.Println(found)
loop:
	for i := 0; ; i++ {
		switch {
		case i == 3:
			break loop
		}
		fmt.Print(i)
	}
	fmt.Println()
}

// expect-status: 0
// expect-stdout: negative at 1 1
// expect-stdout: true
// expect-stdout: 012
