package main

import "sync"

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance = a.Balance() + n
}

func main() {
	a := &Account{}
	a.Deposit(10)
}

// expect-status: 2
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-stderr:
// expect-trace: goroutine #1 [semacquire]:
// expect-trace: main.(*Account).Balance
// expect-trace: 	deadlock_mutex_relock.go:11
// expect-trace: main.(*Account).Deposit
// expect-trace: 	deadlock_mutex_relock.go:19
// expect-trace: main.main
// expect-trace: 	deadlock_mutex_relock.go:24
