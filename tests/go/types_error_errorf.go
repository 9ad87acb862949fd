package main

import (
	"errors"
	"fmt"
)

func check(age int) error {
	if age < 0 {
		return fmt.Errorf("invalid age %d: must be >= %d", age, 0)
	}
	return nil
}

func main() {
	fmt.Println(check(3))
	err := check(-2)
	fmt.Println(err)
	base := errors.New("disk full")
	wrapped := fmt.Errorf("save: %w", base)
	fmt.Println(wrapped)
	fmt.Printf("%v|%s\n", err, wrapped)
}

// expect-status: 0
// expect-stdout: <nil>
// expect-stdout: invalid age -2: must be >= 0
// expect-stdout: save: disk full
// expect-stdout: invalid age -2: must be >= 0|save: disk full
