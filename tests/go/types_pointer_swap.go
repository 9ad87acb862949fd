package main

import "fmt"

func swap(a, b *int) {
	*a, *b = *b, *a
}

func incAll(ps []*int) {
	for _, p := range ps {
		*p++
	}
}

func main() {
	x, y := 1, 2
	swap(&x, &y)
	fmt.Println(x, y)
	incAll([]*int{&x, &y, &x})
	fmt.Println(x, y)
}

// expect-status: 0
// expect-stdout: 2 1
// expect-stdout: 4 2
