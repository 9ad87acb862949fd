survey deadlock --seeds 4
