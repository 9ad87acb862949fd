package main

func main() {
	switch x := 1; x {
	case 1:
		x++
	default:
		fallthrough
	}
}

// expect-error: 8:3: cannot fallthrough final case in switch
