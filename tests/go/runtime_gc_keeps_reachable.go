package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

type box struct{ v, w int }

func closure() func() int {
	c := &box{43, 0}
	return func() int { return c.v }
}

func main() {
	buf := make(chan *box, 1)
	buf <- &box{41, 0}
	m := map[string]*box{"k": {42, 0}}
	f := closure()
	out := make(chan int)
	go func(b *box) {
		<-time.After(time.Millisecond)
		out <- b.v
	}(&box{44, 0})
	s := ""
	for i := 0; i < 1000; i++ {
		garbage := &box{i, i}
		s += strings.Repeat("x", garbage.v%3)
	}
	runtime.GC()
	var keep []*box
	for i := 0; i < 2000; i++ {
		keep = append(keep, &box{-1, -1})
	}
	fmt.Println((<-buf).v, m["k"].v, f(), <-out, len(keep), len(s))
}

// expect-status: 0
// expect-stdout: 41 42 43 44 2000 999
