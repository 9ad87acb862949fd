run race --seeds 5
