// echo_server: a TCP echo server on loopback, a goroutine per connection, 4 clients sending 3 lines each; loopback latencies in ns.
package main

import (
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"
)

const addr = "127.0.0.1:47321"

func serve(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 256)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			c.Write(buf[:n])
		}
		if err == io.EOF || err != nil {
			return
		}
	}
}

// roundTrip sends msg and reads until the whole echo is back.
func roundTrip(c net.Conn, msg string) string {
	c.Write([]byte(msg))
	buf := make([]byte, 256)
	got := ""
	for len(got) < len(msg) {
		n, err := c.Read(buf)
		got += string(buf[:n])
		if err != nil {
			break
		}
	}
	return got
}

func median(v []int64) int64 {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j-1] > v[j]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
	return v[len(v)/2]
}

func main() {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Println(err)
		return
	}
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
	replies := make([]string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				replies[i] = err.Error()
				return
			}
			defer c.Close()
			for j := 0; j < 3; j++ {
				r := roundTrip(c, fmt.Sprintf("client %d line %d\n", i, j))
				replies[i] += strings.TrimSpace(r) + ";"
			}
		}(i)
	}
	wg.Wait()
	for _, r := range replies {
		fmt.Println(r)
	}
	dial := make([]int64, 21)
	for i := range dial {
		t := time.Now()
		c, err := net.Dial("tcp", addr)
		dial[i] = int64(time.Since(t))
		if err == nil {
			c.Close()
		}
	}
	c, _ := net.Dial("tcp", addr)
	rtt := make([]int64, 201)
	for i := range rtt {
		t := time.Now()
		roundTrip(c, "ping 0123456789\n")
		rtt[i] = int64(time.Since(t))
	}
	c.Close()
	ln.Close()
	fmt.Printf("metric dial %d\nmetric rtt %d\n", median(dial), median(rtt))
}
