package main

import "fmt"

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

func parse(s string) error {
	if s == "" {
		return &ParseError{Line: 3, Msg: "empty input"}
	}
	return nil
}

func main() {
	err := parse("")
	fmt.Println(err)
	if pe, ok := err.(*ParseError); ok {
		fmt.Println("at line", pe.Line)
	}
	fmt.Println(parse("x") == nil)
}

// expect-status: 0
// expect-stdout: line 3: empty input
// expect-stdout: at line 3
// expect-stdout: true
