package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:47303")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	client, err := net.Dial("tcp", "127.0.0.1:47303")
	if err != nil {
		fmt.Println(err)
		return
	}
	server, _ := ln.Accept()

	client.Write([]byte("one two "))
	client.Write([]byte("three"))
	client.Close()

	// The server reads everything that was sent, then io.EOF.
	var got strings.Builder
	buf := make([]byte, 4)
	for {
		n, err := server.Read(buf)
		got.Write(buf[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Printf("server got %q, then EOF\n", got.String())

	// The client's end is closed: every use says so.
	_, err = client.Read(buf)
	fmt.Println(err != nil, errors.Is(err, net.ErrClosed))
	_, err = client.Write([]byte("late"))
	fmt.Println(err != nil, errors.Is(err, net.ErrClosed))
	fmt.Println(server.LocalAddr(), client.RemoteAddr(), server.LocalAddr().Network())
	server.Close()
}

// expect-status: 0
// expect-stdout: server got "one two three", then EOF
// expect-stdout: true true
// expect-stdout: true true
// expect-stdout: 127.0.0.1:47303 127.0.0.1:47303 tcp
