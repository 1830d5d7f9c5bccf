"""Exact Cramér-von Mises statistics (CramerVonMisesExactTest), issue 13 finding 8.

The two-sample statistic T = U / (k N) - (4 k - 1) / (6 N), with U = nx sum (r_i - i)^2 +
ny sum (s_j - j)^2 over midranks, k = nx ny, N = nx + ny (SciPy's cramervonmises_2samp), is computed
here in exact rational arithmetic (Python integers and fractions.Fraction) and rounded once to the
nearest double. Cases, built identically in Java:
  grid-30k-25k, grid-1m-800k: x_i = i / nx (i = 0..nx-1), y_j = (j + 0.37) / ny (j = 0..ny-1)
  normal-30k-25k: 30,000 then 25,000 nextGaussian() values from java.util.Random(7)
  (the generator is reimplemented below), current shifted by + 0.01
SciPy's own value is recorded beside the exact one ("scipy") to show its rounding error.
Run from this directory:  python3 make_cvm_exact_golden.py
"""
import json
import math
from fractions import Fraction

import numpy as np
from scipy import stats

from java_random import JavaRandom


def exact_t(x, y):
    """T as a Fraction: doubled midranks are integers, so U is an exact rational."""
    xs, ys = sorted(x), sorted(y)
    nx, ny = len(xs), len(ys)
    i = j = rank = 0
    sx = sy = 0  # sums of (2 r - 2 i)^2, integers
    while i < nx or j < ny:
        v = xs[i] if i < nx and (j >= ny or xs[i] <= ys[j]) else ys[j]
        i0, j0 = i, j
        while i < nx and xs[i] == v:
            i += 1
        while j < ny and ys[j] == v:
            j += 1
        tied = (i - i0) + (j - j0)
        twice_mid = 2 * rank + tied + 1
        for q in range(i0, i):
            sx += (twice_mid - 2 * (q + 1)) ** 2
        for q in range(j0, j):
            sy += (twice_mid - 2 * (q + 1)) ** 2
        rank += tied
    k, n = nx * ny, nx + ny
    u = Fraction(nx * sx + ny * sy, 4)
    return u / (k * n) - Fraction(4 * k - 1, 6 * n)


cases = {}
for name, nx, ny in [("grid-30k-25k", 30000, 25000), ("grid-1m-800k", 1000000, 800000)]:
    x = [i / nx for i in range(nx)]
    y = [(j + 0.37) / ny for j in range(ny)]
    t = exact_t(x, y)
    cases[name] = {"nx": nx, "ny": ny, "exact": float(t),
                   "scipy": float(stats.cramervonmises_2samp(np.array(x), np.array(y)).statistic)}

rnd = JavaRandom(7)
x = [rnd.gaussian() for _ in range(30000)]
y = [rnd.gaussian() + 0.01 for _ in range(25000)]
t = exact_t(x, y)
cases["normal-30k-25k"] = {"nx": 30000, "ny": 25000, "x0": x[0], "y0": y[0], "exact": float(t),
                           "scipy": float(stats.cramervonmises_2samp(np.array(x), np.array(y)).statistic)}

with open("cvm-exact-golden.json", "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
for name, c in cases.items():
    print(name, c["exact"], "scipy", c["scipy"], "rel", abs(c["scipy"] - c["exact"]) / c["exact"])
