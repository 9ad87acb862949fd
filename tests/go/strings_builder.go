package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("liftoff")
	sb.WriteByte('!')
	sb.WriteRune('🚀')
	fmt.Println(sb.String())
	fmt.Println(sb.Len())
	sb.Reset()
	sb.WriteString("again")
	fmt.Println(sb.String())
}

// expect-status: 0
// expect-stdout: 3...2...1...liftoff!🚀
// expect-stdout: 24
// expect-stdout: again
