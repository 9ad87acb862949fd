run parallelism-1core --beats
