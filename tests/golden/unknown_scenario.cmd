run nosuch
