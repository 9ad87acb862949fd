run livelock --report
