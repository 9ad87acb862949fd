// drop.go — 10^7 objects made and each dropped at once: the collector's
// bench (tests/bench/bench_vm.c), also built with real Go for its figures.
// The global keeps Go's escape analysis from putting them on the stack.
package main

import "fmt"

type T struct{ a, b int }

var sink *T

func main() {
	sum := 0
	for i := 0; i < 10000000; i++ {
		sink = &T{i, i}
		sum += sink.a
	}
	fmt.Println(sum)
}
