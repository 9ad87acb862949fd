run channels-buffered
