// race_nosleep: data++ in a new goroutine races main's unsynchronised read of data; main returns at once.
package main

import "fmt"

var data int

func main() {
	go func() {
		data++
	}()
	if data == 0 {
		fmt.Printf("the value is %v.\n", data)
	}
}
