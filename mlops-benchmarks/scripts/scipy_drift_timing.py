"""SciPy/numpy timings to compare DriftBenchmark with, on the same machine, in the same session.

Run:  python3 mlops-benchmarks/scripts/scipy_drift_timing.py
Prints the best of 5 runs (seconds) for ks_2samp and wasserstein_distance on 1M vs 1M doubles, and
for a numpy PSI of 10M current values on 10 reference-quantile bins.
"""
import time
import numpy as np
from scipy import stats

rng = np.random.default_rng(1)
a = rng.normal(0, 1, 1_000_000)
b = rng.normal(0.01, 1, 1_000_000)
ref = rng.normal(0, 1, 1_000_000)
cur = rng.normal(0.01, 1, 10_000_000)


def best(f, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def psi():
    edges = np.unique(np.quantile(ref, np.linspace(0, 1, 11)))[1:-1]
    p = np.bincount(np.searchsorted(edges, ref), minlength=len(edges) + 1) / len(ref)
    q = np.bincount(np.searchsorted(edges, cur), minlength=len(edges) + 1) / len(cur)
    p = np.where(p == 0, 1e-4, p)
    q = np.where(q == 0, 1e-4, q)
    return np.sum((q - p) * np.log(q / p))


print(f"ks_2samp 1M vs 1M:            {best(lambda: stats.ks_2samp(a, b)):.3f} s")
print(f"wasserstein_distance 1M vs 1M: {best(lambda: stats.wasserstein_distance(a, b)):.3f} s")
print(f"numpy PSI 10M current:         {best(psi):.3f} s")
