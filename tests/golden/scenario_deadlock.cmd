run deadlock --beats
