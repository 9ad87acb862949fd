package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	_, err := os.Open("missing.txt")
	fmt.Println(err)
	fmt.Printf("%T\n", err)
	fmt.Println(errors.Is(err, os.ErrNotExist), os.IsNotExist(err), os.IsExist(err))
	fmt.Println(errors.Unwrap(err))

	fmt.Println(os.Remove("missing.txt"))
	_, err = os.Stat("missing.txt")
	fmt.Println(err)
	_, err = os.Create("nodir/file.txt")
	fmt.Println(err)
	_, err = os.ReadFile(".")
	fmt.Println(err)

	f, _ := os.Open("os_data.txt")
	f.Close()
	_, err = f.Read(make([]byte, 4))
	fmt.Println(err, errors.Is(err, os.ErrClosed))
	fmt.Println(f.Close())

	var r io.Reader = f
	_, err = r.Read(make([]byte, 4))
	fmt.Println(err)
	var nilFile *os.File
	_, err = nilFile.Read(make([]byte, 4))
	fmt.Println(err)
}

// expect-status: 0
// expect-stdout: open missing.txt: no such file or directory
// expect-stdout: *fs.PathError
// expect-stdout: true true false
// expect-stdout: no such file or directory
// expect-stdout: remove missing.txt: no such file or directory
// expect-stdout: stat missing.txt: no such file or directory
// expect-stdout: open nodir/file.txt: no such file or directory
// expect-stdout: read .: is a directory
// expect-stdout: read os_data.txt: file already closed true
// expect-stdout: close os_data.txt: file already closed
// expect-stdout: read os_data.txt: file already closed
// expect-stdout: invalid argument
