print("posture: under construction")
