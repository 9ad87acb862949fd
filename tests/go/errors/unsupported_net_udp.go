package main

import (
	"fmt"
	"net"
)

func main() {
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	fmt.Println(c, err)
}

// expect-error: 9:16: interleave does not support net.ListenPacket
