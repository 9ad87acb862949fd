run race --race
