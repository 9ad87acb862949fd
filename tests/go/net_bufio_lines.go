package main

import (
	"bufio"
	"fmt"
	"net"
	"strings"
)

// A line-oriented server: each line it reads comes back with its length.
func serve(c net.Conn, done chan<- int) {
	defer c.Close()
	sc := bufio.NewScanner(c)
	lines := 0
	for sc.Scan() {
		lines++
		fmt.Fprintf(c, "%d %s\n", len(sc.Text()), sc.Text())
	}
	done <- lines
}

func main() {
	ln, err := net.Listen("tcp", ":0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	done := make(chan int)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println(err)
			return
		}
		serve(c, done)
	}()

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	r := bufio.NewReader(c)
	for _, w := range []string{"go", "gopher", "goroutine"} {
		fmt.Fprintln(c, w)
		reply, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", reply, err)
	}
	c.Close()
	fmt.Println("server saw", <-done, "lines")
	fmt.Println(strings.HasPrefix(ln.Addr().String(), "[::]:"))
}

// expect-status: 0
// expect-stdout: "2 go\n" <nil>
// expect-stdout: "6 gopher\n" <nil>
// expect-stdout: "9 goroutine\n" <nil>
// expect-stdout: server saw 3 lines
// expect-stdout: true
