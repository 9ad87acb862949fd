package main

import (
	"errors"
	"fmt"
)

type Result struct {
	Error    error
	Response string
}

func fetch(url string) (string, error) {
	if url == "badhost" {
		return "", errors.New("no such host")
	}
	return "200 OK from " + url, nil
}

func main() {
	checkStatus := func(done <-chan interface{}, urls ...string) <-chan Result {
		results := make(chan Result)
		go func() {
			defer close(results)
			for _, url := range urls {
				resp, err := fetch(url)
				select {
				case <-done:
					return
				case results <- Result{Error: err, Response: resp}:
				}
			}
		}()
		return results
	}
	done := make(chan interface{})
	defer close(done)
	errCount := 0
	for result := range checkStatus(done, "a", "b", "badhost", "c", "badhost", "d") {
		if result.Error != nil {
			fmt.Printf("error: %v\n", result.Error)
			errCount++
			if errCount >= 2 {
				fmt.Println("Too many errors, breaking!")
				break
			}
			continue
		}
		fmt.Printf("Response: %v\n", result.Response)
	}
}

// expect-status: 0
// expect-stdout: Response: 200 OK from a
// expect-stdout: Response: 200 OK from b
// expect-stdout: error: no such host
// expect-stdout: Response: 200 OK from c
// expect-stdout: error: no such host
// expect-stdout: Too many errors, breaking!
