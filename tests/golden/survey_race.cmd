survey race --seeds 40 --cores 1,2,4 --jobs 3
