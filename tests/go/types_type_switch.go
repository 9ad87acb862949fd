package main

import "fmt"

type Point struct{ X, Y int }

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case Point:
		return fmt.Sprintf("point %d,%d", x.X, x.Y)
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []interface{}{nil, 1, int64(2), "abc", Point{1, 2}, fmt.Errorf("bad"), 1.5} {
		fmt.Println(describe(v))
	}
}

// expect-status: 0
// expect-stdout: nil
// expect-stdout: integer 1
// expect-stdout: integer 2
// expect-stdout: string of length 3
// expect-stdout: point 1,2
// expect-stdout: error bad
// expect-stdout: other float64
