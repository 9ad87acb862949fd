package main

type Incrementer interface{ Inc() }

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func main() {
	var i Incrementer = Counter{}
	i.Inc()
}

// expect-error: 10:22: cannot use Counter{} (value of type Counter) as type Incrementer in variable declaration:
// expect-error-detail: 	Counter does not implement Incrementer (Inc method has pointer receiver)
