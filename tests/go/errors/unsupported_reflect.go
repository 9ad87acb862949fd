package main

import (
	"fmt"
	"reflect"
)

func main() {
	fmt.Println(reflect.TypeOf(3).Kind())
}

// expect-error: 5:2: interleave does not support package reflect
