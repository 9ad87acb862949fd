package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Point struct{ X int }
type Name string

func main() {
	fmt.Printf("%T %T %T %T\n", []int{}, map[string]bool{}, [3]byte{}, &Point{})
	fmt.Printf("%T %T %T\n", Point{}, Name("n"), func(int) string { return "" })
	fmt.Printf("%T %T %T\n", make(chan int), make(<-chan string), make(chan<- bool))
	fmt.Printf("%T %T %T\n", errors.New("e"), fmt.Errorf("f"), nil)
	fmt.Printf("%T %T %T\n", int32(1), uint8(2), int64(3))
	fmt.Printf("%T %T %T\n", &sync.Mutex{}, time.Second, struct{ A int }{})
	var x interface{} = 3.5
	fmt.Printf("%T %T\n", x, []interface{}{1})
}

// expect-status: 0
// expect-stdout: []int map[string]bool [3]uint8 *main.Point
// expect-stdout: main.Point main.Name func(int) string
// expect-stdout: chan int <-chan string chan<- bool
// expect-stdout: *errors.errorString *errors.errorString <nil>
// expect-stdout: int32 uint8 int64
// expect-stdout: *sync.Mutex time.Duration struct { A int }
// expect-stdout: float64 []interface {}
