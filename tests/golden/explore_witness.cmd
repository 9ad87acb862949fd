run tests/golden/inputs/explore_counter.go --cores 2 --schedule 1x20.2.1x5.3.1.2x11.3x14.2x5.3.1x3
