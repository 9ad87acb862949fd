run atomicity-atomic
