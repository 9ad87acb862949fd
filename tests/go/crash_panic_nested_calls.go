package main

type Stack struct{ items []int }

func (s *Stack) Pop() int {
	top := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return top
}

func drain(s *Stack) {
	for {
		s.Pop()
	}
}

func main() {
	s := &Stack{items: []int{1, 2}}
	drain(s)
}

// expect-status: 2
// expect-stderr: panic: runtime error: index out of range [-1]
// expect-stderr:
// expect-trace: goroutine #1 [running]:
// expect-trace: main.(*Stack).Pop
// expect-trace: 	crash_panic_nested_calls.go:6
// expect-trace: main.drain
// expect-trace: 	crash_panic_nested_calls.go:13
// expect-trace: main.main
// expect-trace: 	crash_panic_nested_calls.go:19
