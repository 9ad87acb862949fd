package main

func main() {
	x := 1
	if x > 0 {
		x--
	}
	else {
		x++
	}
}

// expect-error: 8:2: syntax error: unexpected else, expecting }
