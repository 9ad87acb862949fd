run nosuch.go
