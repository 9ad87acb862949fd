package main

import (
	"fmt"
	"sync"
)

func isPrime(n int) bool {
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return n > 1
}

func main() {
	numbers := make(chan int)
	go func() {
		defer close(numbers)
		for i := 2; i <= 50; i++ {
			numbers <- i
		}
	}()
	primeFinder := func(in <-chan int) <-chan int {
		primes := make(chan int)
		go func() {
			defer close(primes)
			for n := range in {
				if isPrime(n) {
					primes <- n
				}
			}
		}()
		return primes
	}
	fanIn := func(channels ...<-chan int) <-chan int {
		var wg sync.WaitGroup
		multiplexed := make(chan int)
		wg.Add(len(channels))
		for _, c := range channels {
			go func(c <-chan int) {
				defer wg.Done()
				for v := range c {
					multiplexed <- v
				}
			}(c)
		}
		go func() { wg.Wait(); close(multiplexed) }()
		return multiplexed
	}
	found := make([]bool, 51)
	count := 0
	for p := range fanIn(primeFinder(numbers), primeFinder(numbers), primeFinder(numbers)) {
		found[p] = true
		count++
	}
	fmt.Print(count, " primes:")
	for n, ok := range found {
		if ok {
			fmt.Print(" ", n)
		}
	}
	fmt.Println()
}

// expect-status: 0
// expect-stdout: 15 primes: 2 3 5 7 11 13 17 19 23 29 31 37 41 43 47
