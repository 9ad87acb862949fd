package main

func main() {
	for {

// expect-error: 5:1: syntax error: unexpected EOF, expecting }
