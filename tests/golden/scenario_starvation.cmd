run starvation --beats
