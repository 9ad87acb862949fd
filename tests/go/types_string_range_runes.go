package main

import "fmt"

func main() {
	for i, r := range "aé世!" {
		fmt.Println(i, r, string(r))
	}
	n := 0
	for range "héllo, 世界" {
		n++
	}
	fmt.Println("runes:", n, "bytes:", len("héllo, 世界"))
}

// expect-status: 0
// expect-stdout: 0 97 a
// expect-stdout: 1 233 é
// expect-stdout: 3 19990 世
// expect-stdout: 6 33 !
// expect-stdout: runes: 9 bytes: 14
