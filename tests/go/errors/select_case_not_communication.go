package main

func main() {
	x := 1
	_ = x
	select {
	case x > 0:
	}
}

// expect-error: 7:9: select case must be send or receive (possibly with assignment)
