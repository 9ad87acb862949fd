run deadlock
