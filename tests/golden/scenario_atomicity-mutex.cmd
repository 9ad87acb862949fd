run atomicity-mutex
