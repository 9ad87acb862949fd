package main

type Point struct{ X int }

func main() {
	m := map[string]Point{"a": {1}}
	m["a"].X = 2
}

// expect-error: 7:2: cannot assign to struct field m["a"].X in map
