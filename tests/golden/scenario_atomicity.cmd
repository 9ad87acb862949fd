run atomicity
