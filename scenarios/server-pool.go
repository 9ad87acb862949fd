// title: Server: a pool of workers
// summary: The same server with a fixed pool of three worker goroutines taking connections from a channel.
// variant of: server
// variant: a pool of 3 workers
// cores: 2
// policy: go
// output: varies
// notes: A fixed pool of three worker goroutines takes connections from an unbuffered
// notes: channel, as a pool of threads would in a language whose threads are expensive.
// notes: At most 15 goroutines are alive (main, the acceptor, 3 workers, 10 clients), and
// notes: at most three requests are handled at once: when all three workers are busy the
// notes: acceptor blocks on its send, and the other clients' connections, already made,
// notes: wait in the listener's queue. In Go a pool buys a bound on the work in progress
// notes: (memory, a database's connections), not speed: both versions serve the ten
// notes: clients on the same two threads, and goroutines are cheap enough not to need one.
// look: The Goroutines panel stays at 15. Watch G5, the acceptor, hand connections to the
// look: waiting workers G2, G3 and G4, then wait with chan send on conns while they work;
// look: the clients whose connections are queued wait in IO wait.
// beat: block G2 conns: the workers start first and wait for a connection on conns
// beat: send G5 conns: a connection is in: the acceptor hands it straight to the waiting G2
// beat: block G5 conns: each worker has a connection: the acceptor waits with a fourth
// beat: print G1 "most goroutines": all ten clients served by three workers; the table is printed
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"runtime"
	"sync"
	"time"
)

const addr = "127.0.0.1:47312"
const clients = 10
const workers = 3

var mu sync.Mutex // guards the figures below
var served, mostGoroutines int
var total, worst time.Duration

// handle reads one request line, works a little, replies and hangs up.
func handle(conn net.Conn) {
	defer conn.Close()
	request, _ := bufio.NewReader(conn).ReadString('\n')
	mu.Lock()
	if n := runtime.NumGoroutine(); n > mostGoroutines {
		mostGoroutines = n
	}
	mu.Unlock()
	sum := 0
	for i := 0; i < 1000; i++ { // a little CPU work
		sum += i % 7
	}
	fmt.Fprintf(conn, "%d for %s", sum, request)
}

// client sends one request and reads the reply until the server hangs up.
func client(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	start := time.Now()
	conn, _ := net.Dial("tcp", addr)
	fmt.Fprintf(conn, "request %d\n", id)
	io.ReadAll(conn)
	conn.Close()
	latency := time.Since(start)
	mu.Lock()
	served++
	total += latency
	if latency > worst {
		worst = latency
	}
	mu.Unlock()
}

func main() {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		panic(err)
	}
	conns := make(chan net.Conn)
	for w := 0; w < workers; w++ {
		go func() {
			for conn := range conns {
				handle(conn)
			}
		}()
	}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				close(conns) // the listener is closed: the workers stop
				return
			}
			conns <- conn
		}
	}()
	var wg sync.WaitGroup
	wg.Add(clients)
	for id := 0; id < clients; id++ {
		go client(id, &wg)
	}
	wg.Wait()
	ln.Close()
	fmt.Println("connections served:", served)
	fmt.Println("mean latency:      ", (total / time.Duration(served)).Round(time.Microsecond))
	fmt.Println("worst latency:     ", worst.Round(time.Microsecond))
	fmt.Println("most goroutines:   ", mostGoroutines)
}
