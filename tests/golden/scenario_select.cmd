run select --beats
