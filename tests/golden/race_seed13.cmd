run race --seed 13
