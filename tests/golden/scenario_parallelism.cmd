run parallelism --beats
