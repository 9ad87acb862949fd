package main

import "fmt"

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p
}

func main() {
	var e error
	fmt.Println(e == nil)
	err := mayFail(false)
	fmt.Println(err == nil)
	fmt.Printf("%T\n", err)
}

// expect-status: 0
// expect-stdout: true
// expect-stdout: false
// expect-stdout: *main.MyErr
