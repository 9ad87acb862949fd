run race --schedule 1x5.2x4
