// Benchmarks: filled in with the safeguard.
print("waymark-bench")
