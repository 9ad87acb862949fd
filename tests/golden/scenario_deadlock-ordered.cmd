run deadlock-ordered --beats
