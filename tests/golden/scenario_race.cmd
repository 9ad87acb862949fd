run race --seed 1
