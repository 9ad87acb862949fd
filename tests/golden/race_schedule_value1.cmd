run race --schedule 1x8.2x4
