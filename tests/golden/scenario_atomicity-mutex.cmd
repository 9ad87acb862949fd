run atomicity-mutex --beats
