run deadlock --cores 1 --seed 3
