package main

func (n int) Double() int { return n * 2 }

func main() {
}

// expect-error: 3:7: cannot define new methods on non-local type int
