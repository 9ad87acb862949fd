explore deadlock --no-time
