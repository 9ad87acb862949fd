package main

import "time"

func main() {
	var ms int = 10
	time.Sleep(ms)
}

// expect-error: 7:13: cannot use ms (variable of type int) as type time.Duration in argument to time.Sleep
