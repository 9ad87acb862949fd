run server --beats
