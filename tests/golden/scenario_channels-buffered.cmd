run channels-buffered --beats
