package main

import "fmt"

func main() {
	data := make([]int, 4)
	for i := range data {
		data[i] = i * 3
	}
	loopData := func(handleData chan<- int) {
		defer close(handleData)
		for i := range data {
			handleData <- data[i]
		}
	}
	handleData := make(chan int)
	go loopData(handleData)
	for num := range handleData {
		fmt.Println(num)
	}
}

// expect-status: 0
// expect-stdout: 0
// expect-stdout: 3
// expect-stdout: 6
// expect-stdout: 9
