survey race --trace
