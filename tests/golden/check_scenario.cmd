check race
