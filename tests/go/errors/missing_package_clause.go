import "fmt"

func main() {
	fmt.Println("no package clause")
}

// expect-error: 1:1: expected 'package', found 'import'
