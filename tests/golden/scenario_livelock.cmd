run livelock --beats
