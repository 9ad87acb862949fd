run server-pool --beats
