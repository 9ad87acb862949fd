run deadlock --cores 0
