run race-nosleep --beats
