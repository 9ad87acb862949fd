run race --beats
