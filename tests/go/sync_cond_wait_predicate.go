package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	cond  *sync.Cond
	items []string
}

func (q *Queue) Put(s string) {
	q.cond.L.Lock()
	q.items = append(q.items, s)
	q.cond.L.Unlock()
	q.cond.Signal()
}

func (q *Queue) Get() string {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s
}

func main() {
	q := &Queue{cond: sync.NewCond(&sync.Mutex{})}
	go func() {
		for _, s := range []string{"x", "y", "z"} {
			q.Put(s)
		}
	}()
	fmt.Println(q.Get(), q.Get(), q.Get())
}

// expect-status: 0
// expect-stdout: x y z
