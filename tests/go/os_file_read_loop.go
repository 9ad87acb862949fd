package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	f, err := os.Open("os_data.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	buf := make([]byte, 10)
	total := 0
	for {
		n, err := f.Read(buf)
		total += n
		fmt.Printf("%2d %q\n", n, buf[:n])
		if err == io.EOF {
			fmt.Println("EOF after", total, "bytes")
			break
		}
		if err != nil {
			fmt.Println(err)
			break
		}
	}
	_, err = f.Write([]byte("x"))
	fmt.Println(err)
}

// expect-status: 0
// expect-stdout: 10 "apples 3\np"
// expect-stdout: 10 "ears 5\nplu"
// expect-stdout:  6 "ms 11\n"
// expect-stdout:  0 ""
// expect-stdout: EOF after 26 bytes
// expect-stdout: write os_data.txt: bad file descriptor
