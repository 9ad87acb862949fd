package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	const name = "os_write_read_remove.tmp"
	if err := os.WriteFile(name, []byte("first\n"), 0644); err != nil {
		fmt.Println(err)
	}
	b, _ := os.ReadFile(name)
	fmt.Printf("%q\n", b)

	f, err := os.Create(name)
	if err != nil {
		fmt.Println(err)
		return
	}
	n, err := f.WriteString("second ")
	fmt.Println(n, err)
	n, err = f.Write([]byte("and third\n"))
	fmt.Println(n, err)
	fmt.Fprintf(f, "%d lines\n", 3)
	fmt.Println(f.Close())
	fmt.Println(f.Close())

	b, _ = os.ReadFile(name)
	fmt.Printf("%q\n", b)
	fi, err := os.Stat(name)
	fmt.Println(fi.Name(), fi.Size(), fi.IsDir(), err)

	fmt.Println(os.Remove(name))
	err = os.Remove(name)
	fmt.Println(err)
	_, err = os.Stat(name)
	fmt.Println(errors.Is(err, os.ErrNotExist), os.IsNotExist(err))
}

// expect-status: 0
// expect-stdout: "first\n"
// expect-stdout: 7 <nil>
// expect-stdout: 10 <nil>
// expect-stdout: <nil>
// expect-stdout: close os_write_read_remove.tmp: file already closed
// expect-stdout: "second and third\n3 lines\n"
// expect-stdout: os_write_read_remove.tmp 25 false <nil>
// expect-stdout: <nil>
// expect-stdout: remove os_write_read_remove.tmp: no such file or directory
// expect-stdout: true true
