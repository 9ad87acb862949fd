package main

import "fmt"

func main() {
	prices := map[string]int{"tea": 3, "cake": 5, "bun": 2}
	total, count := 0, 0
	maxName, maxPrice := "", 0
	for name, p := range prices {
		total += p
		count++
		if p > maxPrice {
			maxName, maxPrice = name, p
		}
	}
	fmt.Println(total, count, maxName)
	for k := range prices {
		if k != "tea" {
			delete(prices, k)
		}
	}
	fmt.Println(prices)
}

// expect-status: 0
// expect-stdout: 10 3 cake
// expect-stdout: map[tea:3]
