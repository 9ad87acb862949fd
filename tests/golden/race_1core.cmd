run race --cores 1 --seed 1
