package main

func main() {
	x := iota
	_ = x
}

// expect-error: 4:7: cannot use iota outside constant declaration
