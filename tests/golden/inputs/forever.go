package main

import "fmt"

func main() {
	fmt.Println("spinning")
	for {
	}
}
