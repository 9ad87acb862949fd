run threads --beats
