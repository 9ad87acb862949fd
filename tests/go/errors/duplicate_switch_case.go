package main

func main() {
	switch x := 2; x {
	case 1, 2:
	case 2:
	}
}

// expect-error: 6:7: duplicate case 2 (constant of type int) in expression switch
