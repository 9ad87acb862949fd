package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
)

func load() {
	fmt.Println("loading config")
	config = map[string]string{"mode": "fast"}
}

func get(k string) string {
	once.Do(load)
	return config[k]
}

func main() {
	fmt.Println(get("mode"))
	fmt.Println(get("mode"))
	var other sync.Once
	other.Do(func() { fmt.Println("other once") })
	other.Do(func() { fmt.Println("never") })
}

// expect-status: 0
// expect-stdout: loading config
// expect-stdout: fast
// expect-stdout: fast
// expect-stdout: other once
