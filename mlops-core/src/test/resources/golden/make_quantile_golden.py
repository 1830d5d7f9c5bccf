"""Golden values for QuantilesTest: numpy.quantile(a, q) with the default method ('linear').

Run from this directory:  python3 make_quantile_golden.py
"""
import json
import numpy as np

rng = np.random.default_rng(7)
samples = {
    "single": [3.5],
    "two": [1.0, 2.0],
    "ties": [1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0],
    "small": [0.3, -1.2, 4.4, 2.2, 0.0, 7.1, -3.3],
    "normal": rng.normal(0.0, 1.0, 1001).tolist(),
    "cauchy": (rng.standard_cauchy(500) * 1e6).tolist(),
    "integers": rng.integers(0, 50, 333).astype(float).tolist(),
}
qs = [0.0, 0.01, 0.1, 0.25, 0.333, 0.5, 0.6, 0.75, 0.9, 0.99, 1.0]
out = {}
for name, values in samples.items():
    a = np.array(values)
    out[name] = {"values": values, "q": qs, "quantiles": [float(np.quantile(a, q)) for q in qs]}
with open("quantile-golden.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
