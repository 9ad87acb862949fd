run atomicity --beats
