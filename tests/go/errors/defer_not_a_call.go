package main

func main() {
	f := func() {}
	defer f
}

// expect-error: 5:8: expression in defer must be function call
