run critical-section --beats
