package main

func main() {
	for {
		break outer
	}
}

// expect-error: 5:9: break label not defined: outer
