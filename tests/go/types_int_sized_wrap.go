package main

import "fmt"

func main() {
	var i8 int8 = 127
	i8++
	var i16 int16 = -32768
	i16--
	var i32 int32 = 2147483647
	i32 += 1
	var i64 int64 = 9223372036854775807
	i64++
	fmt.Println(i8, i16, i32, i64)
}

// expect-status: 0
// expect-stdout: -128 32767 -2147483648 -9223372036854775808
