run race --seed 6
