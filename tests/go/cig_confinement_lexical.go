package main

import (
	"bytes"
	"fmt"
	"sync"
)

func main() {
	printData := func(wg *sync.WaitGroup, data []byte, out *string) {
		defer wg.Done()
		var buff bytes.Buffer
		for _, b := range data {
			fmt.Fprintf(&buff, "%c", b)
		}
		*out = buff.String()
	}
	var wg sync.WaitGroup
	data := []byte("golang")
	var first, second string
	wg.Add(2)
	go printData(&wg, data[:3], &first)
	go printData(&wg, data[3:], &second)
	wg.Wait()
	fmt.Println(first, second)
}

// expect-status: 0
// expect-stdout: gol ang
