package main

type Code int

func main() {
	defer func() {
		r := recover()
		println("recovered a", r.(Code) == 3)
		panic(42)
	}()
	panic(Code(3))
}

// expect-status: 2
// expect-stderr: recovered a true
// expect-stderr: panic: main.Code(3) [recovered]
// expect-stderr: 	panic: 42
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.main.func1
// expect-trace: 	crash_panic_custom_types.go:9
// expect-trace: main.main
// expect-trace: 	crash_panic_custom_types.go:11
