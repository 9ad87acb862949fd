package main

import "fmt"

func main() {
	stock := map[string]int{"pear": 3, "apple": 5, "fig": 2, "kiwi": 7}
	keys := []string{}
	total := 0
	for k, v := range stock {
		keys = append(keys, k)
		total += v
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	for _, k := range keys {
		fmt.Println(k, stock[k])
	}
	fmt.Println("total", total)
}

// expect-status: 0
// expect-stdout: apple 5
// expect-stdout: fig 2
// expect-stdout: kiwi 7
// expect-stdout: pear 3
// expect-stdout: total 17
