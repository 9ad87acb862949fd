package main

func main() {
	m := map[string]int{"a": 1}
	p := &m["a"]
	_ = p
}

// expect-error: 5:8: invalid operation: cannot take address of m["a"] (map index expression of type int)
