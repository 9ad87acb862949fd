package main

import "fmt"

func main() {
	m := map[string]int{"zeta": 26, "alpha": 1, "mid": 13}
	fmt.Println(m)
	n := map[int]bool{3: true, -1: false, 2: true}
	fmt.Printf("%v %d\n", n, len(n))
	var nilmap map[string]int
	fmt.Println(nilmap, len(nilmap), nilmap["x"], nilmap == nil)
}

// expect-status: 0
// expect-stdout: map[alpha:1 mid:13 zeta:26]
// expect-stdout: map[-1:false 2:true 3:true] 3
// expect-stdout: map[] 0 0 true
