package main

import (
	"errors"
	"fmt"
	"net"
)

func main() {
	_, err := net.Dial("tcp", "127.0.0.1:47399")
	fmt.Println(err)
	_, err = net.Dial("tcp", "localhost:47399")
	fmt.Println(err)

	ln, err := net.Listen("tcp", "127.0.0.1:47302")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = net.Listen("tcp", "127.0.0.1:47302")
	fmt.Println(err)
	_, err = net.Listen("tcp", "47302")
	fmt.Println(err)
	_, err = net.Dial("tcp", ":99999")
	fmt.Println(err)

	fmt.Println(ln.Close())
	fmt.Println(ln.Close())
	_, err = ln.Accept()
	fmt.Println(err)
	fmt.Println(errors.Is(err, net.ErrClosed))
}

// expect-status: 0
// expect-stdout: dial tcp 127.0.0.1:47399: connect: connection refused
// expect-stdout: dial tcp 127.0.0.1:47399: connect: connection refused
// expect-stdout: listen tcp 127.0.0.1:47302: bind: address already in use
// expect-stdout: listen tcp: address 47302: missing port in address
// expect-stdout: dial tcp: address 99999: invalid port
// expect-stdout: <nil>
// expect-stdout: close tcp 127.0.0.1:47302: use of closed network connection
// expect-stdout: accept tcp 127.0.0.1:47302: use of closed network connection
// expect-stdout: true
