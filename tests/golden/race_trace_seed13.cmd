run race --seed 13 --trace
