package main

import (
	"fmt"
	"math/rand"
)

func main() {
	inRange := true
	seen := make(map[int]bool)
	for i := 0; i < 1000; i++ {
		n := rand.Intn(10)
		if n < 0 || n >= 10 {
			inRange = false
		}
		seen[n] = true
	}
	fmt.Println("all in [0,10):", inRange, "all values seen:", len(seen) == 10)
	fmt.Println("Int is non-negative:", rand.Int() >= 0)
	rand.Seed(42)
	a := []int{rand.Intn(1000), rand.Intn(1000), rand.Intn(1000)}
	rand.Seed(42)
	b := []int{rand.Intn(1000), rand.Intn(1000), rand.Intn(1000)}
	fmt.Println("same seed, same sequence:", a[0] == b[0] && a[1] == b[1] && a[2] == b[2])
}

// expect-status: 0
// expect-stdout: all in [0,10): true all values seen: true
// expect-stdout: Int is non-negative: true
// expect-stdout: same seed, same sequence: true
