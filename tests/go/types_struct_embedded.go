package main

import "fmt"

type Animal struct {
	Name string
}

func (a Animal) Speak() string    { return a.Name + " makes a sound" }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func main() {
	d := Dog{Animal{"Rex"}, "collie"}
	fmt.Println(d.Name, d.Breed, d.Speak())
	d.Rename("Max")
	fmt.Println(d.Animal.Name, d.Speak())
	fmt.Printf("%+v\n", d)
}

// expect-status: 0
// expect-stdout: Rex collie Rex makes a sound
// expect-stdout: Max Max makes a sound
// expect-stdout: {Animal:{Name:Max} Breed:collie}
