print("benchmark: under construction")
