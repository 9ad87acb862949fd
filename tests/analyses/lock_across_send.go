package main

import (
	"fmt"
	"sync"
	"time"
)

func start() {
	var mu sync.Mutex
	results := make(chan int)
	go func() {
		mu.Lock()
		results <- 1
		mu.Unlock()
	}()
	go func() {
		time.Sleep(time.Millisecond)
		mu.Lock()
		fmt.Println("never")
	}()
}

func main() {
	start()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main is done")
}
