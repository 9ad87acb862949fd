run channels --beats
