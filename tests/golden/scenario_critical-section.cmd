run critical-section
