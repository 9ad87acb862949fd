package main

import "fmt"

func main() {
	ages := map[string]int{"ann": 0, "bob": 31}
	v, ok := ages["ann"]
	fmt.Println(v, ok)
	v, ok = ages["cid"]
	fmt.Println(v, ok)
	if age, found := ages["bob"]; found {
		fmt.Println("bob is", age)
	}
	_, ok = ages["zed"]
	fmt.Println(ok)
}

// expect-status: 0
// expect-stdout: 0 true
// expect-stdout: 0 false
// expect-stdout: bob is 31
// expect-stdout: false
