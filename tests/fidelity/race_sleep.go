// race_sleep: the data race of race_nosleep with time.Sleep(1µs) between the go statement and the test.
package main

import (
	"fmt"
	"time"
)

var data int

func main() {
	go func() {
		data++
	}()
	time.Sleep(1 * time.Microsecond)
	if data == 0 {
		fmt.Printf("the value is %v.\n", data)
	}
}
