package main

import "fmt"

func sum(label string, nums ...int) string {
	total := 0
	for _, n := range nums {
		total += n
	}
	return fmt.Sprint(label, len(nums), total)
}

func main() {
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	xs := []int{10, 20}
	fmt.Println(sum("slice", xs...))
	all := func(parts ...string) []string { return parts }
	fmt.Println(all("a", "b"), all() == nil)
}

// expect-status: 0
// expect-stdout: none0 0
// expect-stdout: three3 6
// expect-stdout: slice2 30
// expect-stdout: [a b] true
