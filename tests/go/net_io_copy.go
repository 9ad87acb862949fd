package main

import (
	"fmt"
	"io"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", "localhost:47304")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	copied := make(chan int64, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println(err)
			return
		}
		defer c.Close()
		n, err := io.Copy(c, c) // echo until the client stops writing
		if err != nil {
			fmt.Println(err)
		}
		copied <- n
	}()

	c, err := net.Dial("tcp", "localhost:47304")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	for i := 0; i < 3; i++ {
		fmt.Fprintf(c, "part %d;", i)
	}
	c.(*net.TCPConn).CloseWrite()
	all, err := io.ReadAll(c)
	fmt.Printf("%q %v\n", all, err)
	fmt.Println("server copied", <-copied, "bytes")
	fmt.Printf("%T %T\n", c, ln)
}

// expect-status: 0
// expect-stdout: "part 0;part 1;part 2;" <nil>
// expect-stdout: server copied 21 bytes
// expect-stdout: *net.TCPConn *net.TCPListener
