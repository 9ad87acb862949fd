run deadlock --report
