package main

func main() {
loop:
	for i := 0; i < 3; i++ {
	}
}

// expect-error: 4:1: label loop defined and not used
