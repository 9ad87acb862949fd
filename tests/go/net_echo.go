package main

import (
	"fmt"
	"net"
	"strings"
	"sync"
)

// serve echoes what it reads, upper-cased, until the client closes.
func serve(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 64)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			c.Write([]byte(strings.ToUpper(string(buf[:n]))))
		}
		if err != nil {
			return
		}
	}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:47301")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serve(c)
		}
	}()

	var wg sync.WaitGroup
	replies := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, err := net.Dial("tcp", "127.0.0.1:47301")
			if err != nil {
				replies[i] = err.Error()
				return
			}
			defer c.Close()
			msg := fmt.Sprintf("hello from client %d", i)
			c.Write([]byte(msg))
			buf := make([]byte, 64)
			got := ""
			for len(got) < len(msg) {
				n, err := c.Read(buf)
				got += string(buf[:n])
				if err != nil {
					break
				}
			}
			replies[i] = got
		}(i)
	}
	wg.Wait()
	for _, r := range replies {
		fmt.Println(r)
	}
}

// expect-status: 0
// expect-stdout: listening on 127.0.0.1:47301
// expect-stdout: HELLO FROM CLIENT 0
// expect-stdout: HELLO FROM CLIENT 1
// expect-stdout: HELLO FROM CLIENT 2
