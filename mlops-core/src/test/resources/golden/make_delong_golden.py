"""Golden values for DeLong's test of two correlated ROC AUCs (DeLongTest).

DeLong, DeLong and Clarke-Pearson (1988), computed here the slow way, from the pairwise kernel
psi(x, y) = 1 if x > y, 1/2 if x == y, 0 otherwise, with numpy/scipy only (no fast algorithm), so the
Java code's midrank shortcut (Sun and Xu 2014) is checked against the definition.
Run from this directory:  python3 make_delong_golden.py
"""
import json
import numpy as np
from scipy.stats import norm

rng = np.random.default_rng(3)


def delong_slow(y, a, b):
    pos, neg = y == 1, y == 0
    out = []
    v10s, v01s = [], []
    for s in (a, b):
        x, z = s[pos][:, None], s[neg][None, :]
        psi = (x > z) + 0.5 * (x == z)
        v10s.append(psi.mean(axis=1))
        v01s.append(psi.mean(axis=0))
        out.append(psi.mean())
    m, n = pos.sum(), neg.sum()
    s10 = np.cov(np.vstack(v10s))
    s01 = np.cov(np.vstack(v01s))
    var = (s10[0, 0] + s10[1, 1] - 2 * s10[0, 1]) / m + (s01[0, 0] + s01[1, 1] - 2 * s01[0, 1]) / n
    z = (out[0] - out[1]) / np.sqrt(var)
    return out[0], out[1], float(z), float(2 * norm.sf(abs(z)))


cases = {}
y = rng.integers(0, 2, 300)
a = y + rng.normal(0, 0.8, 300)
b = y + rng.normal(0, 1.2, 300)
cases["better"] = (y, a, b)
y = rng.integers(0, 2, 120)
a = np.round(y * 0.4 + rng.uniform(0, 1, 120), 1)
b = np.round(y * 0.3 + rng.uniform(0, 1, 120), 1)
cases["ties"] = (y, a, b)
y = rng.integers(0, 2, 80)
a = y + rng.normal(0, 2, 80)
cases["close"] = (y, a, a + rng.normal(0, 0.3, 80))

out = {}
for name, (y, a, b) in cases.items():
    auc_a, auc_b, z, p = delong_slow(y, a, b)
    out[name] = {"truth": y.tolist(), "candidate": a.tolist(), "baseline": b.tolist(),
                 "aucCandidate": auc_a, "aucBaseline": auc_b, "z": z, "p": p}
with open("delong-golden.json", "w") as f:
    json.dump(out, f)
    f.write("\n")
