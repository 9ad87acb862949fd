// title: Server: a goroutine per connection
// summary: A TCP server starts a goroutine for each connection; ten clients dial at once.
// lesson: 11
// cores: 2
// policy: go
// output: varies
// notes: The article's closing comparison: a TCP server on the loopback that starts one
// notes: goroutine per connection, the plain Go design. Ten clients dial at once; the
// notes: acceptor starts a handler for each connection, so up to 22 goroutines are alive
// notes: (main, the acceptor, 10 clients, 10 handlers; real Go prints 12 to 22, as a fast
// notes: handler may be gone before the last connection is accepted). A goroutine that
// notes: waits in Accept or Read is parked on the runtime's network poller and holds no
// notes: thread, and a goroutine starts with a 2 KB stack, so a goroutine per connection is
// notes: cheap: only GOMAXPROCS threads run Go code, however many connections are open. Go
// notes: cannot count its threads portably: the Cores rows show what each core runs, and
// notes: `interleave run server --schedtrace 1` prints Go's SCHED line with threads=.
// look: Watch the Goroutines panel grow as G2 starts a handler per connection. Those
// look: waiting for the network say IO wait and sit on no core; the two Cores rows never
// look: show more than two goroutines at a time. Compare with the pool (v).
// beat: block G2: G2 waits in Accept, parked on the network poller: it holds no thread
// beat: go G2: a connection: G2 starts a goroutine for it and goes back to Accept
// beat: go G2 #9: the tenth handler: 22 goroutines alive, run by only two cores
// beat: print G1 "most goroutines": all ten clients served; the table is printed
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

const addr = "127.0.0.1:47311"
const clients = 10

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
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return // the listener is closed
			}
			go handle(conn)
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
