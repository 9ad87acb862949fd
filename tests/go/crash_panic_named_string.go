package main

type Reason string

func main() {
	panic(Reason("out of coffee"))
}

// expect-status: 2
// expect-stderr: panic: main.Reason("out of coffee")
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main
// expect-trace: 	crash_panic_named_string.go:6
