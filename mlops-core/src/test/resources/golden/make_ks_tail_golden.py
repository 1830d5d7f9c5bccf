"""Golden values for Kolmogorov-Smirnov tail probabilities (KolmogorovTailTest).

Issue 13, finding 7: p-values must keep their relative precision down to 1e-300, so they are
compared with SciPy 1.17 on a grid reaching from p ~ 1 down to p ~ 1e-300:
  kstwo.sf(d, n)       the two-sided one-sample distribution (exact finite n), "kstwo"
  kstwobign.sf(x)      its limit, the Kolmogorov distribution of sqrt(n) D, "kstwobign"
  ks_2samp(x, y)       two-sample test, method='auto' (exact up to 10,000 per side, else kstwo.sf
                       at round(n m / (n + m))), on deterministic samples Java builds identically:
                       x_i = i / n (i = 0..n-1), y_j = j / m + shift (j = 0..m-1), "ks_2samp"
  the issue's example: x, y = 20,000 values each from one java.util.Random(1), drawn in turn:
                       x[i] = nextGaussian(), y[i] = nextGaussian() + 0.1 (the generator is
                       reimplemented below),
                       "issue_example"
Only probabilities of at least 1e-300 are kept (SciPy returns 0 below about 1e-307).
Run from this directory:  python3 make_ks_tail_golden.py
"""
import json
import math

import numpy as np
from scipy import stats

from java_random import JavaRandom


kstwo = []
for n in [1, 2, 3, 5, 10, 37, 100, 140, 141, 500, 1000, 5000, 10000, 100000, 444444, 1000000, 2500000]:
    ds = {0.4 / n, 0.75 / n, 1.0 / n, 1.5 / n, 1 - 1.5 / n, 1 - 0.5 / n, 0.5, 0.6, 0.9}
    for nd2 in [0.05, 0.3, 0.754, 1.0, 2.0, 2.2, 3.0, 4.0, 4.5, 8.0, 20.0, 50.0, 100.0, 200.0, 300.0, 340.0]:
        ds.add(math.sqrt(nd2 / n))
    for d in sorted(ds):
        if 0 < d < 1:
            sf = float(stats.kstwo.sf(d, n))
            if sf >= 1e-300:
                kstwo.append([n, d, sf])

kstwobign = []
for x in [0.05, 0.2, 0.4, 0.6, 0.8, 0.82, 0.83, 1.0, 1.36, 2.0, 3.0, 5.0, 8.0, 12.0, 18.0, 26.0]:
    sf = float(stats.kstwobign.sf(x))
    if sf >= 1e-300:
        kstwobign.append([x, sf])

two_sample = []
for n, m, shift in [(200, 150, 0.3), (1000, 1000, 0.05), (5000, 5000, 0.2), (5000, 5000, 0.35), (3000, 2000, 0.1),
                    (3000, 2000, 0.3), (10000, 7000, 0.25), (12000, 15000, 0.05), (12000, 15000, 0.2),
                    (1000000, 800000, 0.01), (1000000, 800000, 0.025)]:
    x = np.arange(n) / n
    y = np.arange(m) / m + shift
    r = stats.ks_2samp(x, y)
    two_sample.append({"n": n, "m": m, "shift": shift, "d": float(r.statistic), "p": float(r.pvalue)})

rnd = JavaRandom(1)
x, y = [], []
for _ in range(20000):
    x.append(rnd.gaussian())
    y.append(rnd.gaussian() + 0.1)
r = stats.ks_2samp(x, y)
issue = {"d": float(r.statistic), "p": float(r.pvalue), "x0": x[0], "y0": y[0]}

with open("ks-tail-golden.json", "w") as f:
    json.dump({"kstwo": kstwo, "kstwobign": kstwobign, "ks_2samp": two_sample, "issue_example": issue}, f, indent=1)
    f.write("\n")
print(len(kstwo), "kstwo,", len(kstwobign), "kstwobign,", len(two_sample), "two-sample; issue:", issue)
