package main

import "fmt"

type Point struct {
	X, Y int
}

type Person struct {
	Name string
	Age  int
	Home Point
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	var z Point
	fmt.Println(p, q, z, p == Point{1, 2}, p == q)
	bob := Person{Name: "Bob", Age: 30, Home: Point{3, 4}}
	bob.Age++
	bob.Home.X = 7
	fmt.Println(bob.Name, bob.Age, bob.Home.X)
	fmt.Printf("%v\n%+v\n", bob, bob)
}

// expect-status: 0
// expect-stdout: {1 2} {0 5} {0 0} true false
// expect-stdout: Bob 31 7
// expect-stdout: {Bob 31 {7 4}}
// expect-stdout: {Name:Bob Age:31 Home:{X:7 Y:4}}
