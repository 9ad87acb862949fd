package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }

type Count int

func (c Count) Double() Count { return c * 2 }

func main() {
	var t Celsius = 100
	fmt.Println(t.ToF(), Celsius(-40).ToF())
	c := Count(21)
	fmt.Println(c.Double(), int(c)+1)
	fmt.Printf("%T %T %v\n", t, c, c)
}

// expect-status: 0
// expect-stdout: 212 -40
// expect-stdout: 42 22
// expect-stdout: main.Celsius main.Count 21
