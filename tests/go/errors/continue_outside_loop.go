package main

func main() {
	switch x := 1; x {
	case 1:
		continue
	}
}

// expect-error: 6:3: continue is not in a loop
