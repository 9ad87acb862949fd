package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func main() {
	f, err := os.Open("os_data.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	total := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		n := atoi(fields[1])
		total += n
		fmt.Printf("%-6s %2d\n", fields[0], n)
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	fmt.Println("total", total)

	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintf(out, "written through bufio: %d\n", total)
}

// expect-status: 0
// expect-stdout: apples  3
// expect-stdout: pears   5
// expect-stdout: plums  11
// expect-stdout: total 19
// expect-stdout: written through bufio: 19
