package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score < 0:
		return "invalid"
	}
	return "C"
}

func main() {
	for _, s := range []int{95, 85, 10, -1} {
		fmt.Println(s, grade(s))
	}
	switch {
	}
	fmt.Println("empty switch ok")
}

// expect-status: 0
// expect-stdout: 95 A
// expect-stdout: 85 B
// expect-stdout: 10 C
// expect-stdout: -1 invalid
// expect-stdout: empty switch ok
