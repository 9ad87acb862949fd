survey race --seeds 9..2
