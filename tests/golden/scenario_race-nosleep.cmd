run race-nosleep
