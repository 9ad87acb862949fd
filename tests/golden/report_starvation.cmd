run starvation --report
