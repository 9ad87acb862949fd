package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hi")
}

// expect-error: 5:2: imported and not used: "os"
