// Rule: time.Sleep is no synchronisation; here a channel close orders the
// accesses (close happens before the receive that sees it).
// No race: main sleeps as in sleep_racy.go, but reads data only after
// receiving from done, which the goroutine closes after its write.
package main

import (
	"fmt"
	"time"
)

func main() {
	data := 0
	done := make(chan bool)
	go func() {
		data = 42
		close(done)
	}()
	time.Sleep(100 * time.Millisecond)
	<-done
	fmt.Println(data)
}
