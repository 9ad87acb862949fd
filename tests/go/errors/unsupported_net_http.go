package main

import (
	"fmt"
	"net/http"
)

func main() {
	fmt.Println(http.StatusOK)
}

// expect-error: 5:2: interleave does not support package net/http
