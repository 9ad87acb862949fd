run server
