run channels
