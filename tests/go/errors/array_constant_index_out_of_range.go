package main

func main() {
	var a [3]int
	a[5] = 1
}

// expect-error: 5:4: invalid argument: index 5 out of bounds [0:3]
