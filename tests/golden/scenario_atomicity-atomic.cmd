run atomicity-atomic --beats
