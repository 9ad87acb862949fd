package main

import (
	"encoding/json"
	"fmt"
)

func main() {
	b, _ := json.Marshal([]int{1, 2})
	fmt.Println(string(b))
}

// expect-error: 4:2: interleave does not support package encoding/json
