package main

import (
	"fmt"
	"net"
)

func main() {
	fmt.Println(net.IPv4len)
}

// expect-error: 5:2: interleave does not support package net
