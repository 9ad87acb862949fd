run server-pool
