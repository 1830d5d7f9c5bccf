"""Golden values for the two-sample drift statistics (TwoSampleTest).

Each case holds a reference and a current sample and what SciPy 1.17 / numpy compute on them:
  ks_2samp(ref, cur)                      statistic, pvalue   (method='auto': exact up to 10,000)
  mannwhitneyu(ref, cur)                  statistic (U of ref), pvalue (method='auto')
  cramervonmises_2samp(ref, cur)          statistic, pvalue   (method='auto': exact up to 20)
  anderson_ksamp([ref, cur], variant='midrank')  statistic, pvalue (interpolated, capped to [0.001, 0.25])
  wasserstein_distance(ref, cur)
  energy_distance(ref, cur)
Binned measures on bins from reference quantiles (see psi_bins below), with eps = 1e-4 for
empty bins in PSI and KL:
  psi, kl, jensen-shannon distance (scipy.spatial.distance.jensenshannon, base 2), hellinger,
  total variation.
Run from this directory:  python3 make_drift_golden.py
"""
import json
import warnings
import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon

rng = np.random.default_rng(20261127)


def psi_bins(ref, bins=10):
    """Edges at the reference's linear quantiles k/bins, duplicates removed, outer edges open."""
    edges = np.unique(np.quantile(ref, np.linspace(0, 1, bins + 1)))
    inner = edges[1:-1]
    return inner


def proportions(x, inner):
    # bin i holds values in (inner[i-1], inner[i]]; first bin (-inf, inner[0]], last (inner[-1], inf)
    idx = np.searchsorted(inner, x, side="left")
    counts = np.bincount(idx, minlength=len(inner) + 1)
    return counts / len(x)


def binned(ref, cur, bins=10, eps=1e-4):
    inner = psi_bins(ref, bins)
    p = proportions(ref, inner)
    q = proportions(cur, inner)
    pe = np.where(p == 0, eps, p)
    qe = np.where(q == 0, eps, q)
    return {
        "psi": float(np.sum((qe - pe) * np.log(qe / pe))),
        "kl": float(np.sum(pe * np.log(pe / qe))),
        "js": float(jensenshannon(p, q, base=2)),
        "hellinger": float(np.sqrt(np.sum((np.sqrt(p) - np.sqrt(q)) ** 2)) / np.sqrt(2)),
        "tv": float(0.5 * np.sum(np.abs(p - q))),
    }


cases = {
    "tiny": ([0.1, 0.5, 0.9, 1.3], [0.2, 1.5, 2.0, 2.2, 3.1]),
    "tiny-equal-n": ([1.0, 2.0, 3.0, 4.0, 5.0], [3.5, 4.5, 5.5, 6.5, 7.5]),
    "ties": ([1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 5, 5], [2, 2, 3, 3, 3, 3, 4, 4, 5, 6, 6]),
    "identical": (rng.normal(0, 1, 50).tolist(),) * 2,
    "shift-unequal": (rng.normal(0, 1, 300).tolist(), rng.normal(0.3, 1, 170).tolist()),
    "heavy-tails": ((rng.standard_cauchy(400) * 10).tolist(), (rng.standard_cauchy(350) * 10 + 2).tolist()),
    "scale": (rng.normal(0, 1, 1000).tolist(), rng.normal(0, 1.3, 1000).tolist()),
    "integers-ties": (rng.integers(0, 20, 800).astype(float).tolist(), rng.integers(2, 22, 600).astype(float).tolist()),
    "asymptotic": (rng.normal(0, 1, 12000).tolist(), rng.normal(0.02, 1, 11000).tolist()),
    "small-vs-large": (rng.normal(0, 1, 7).tolist(), rng.normal(0.5, 1, 40).tolist()),
}

out = {}
for name, (ref, cur) in cases.items():
    r, c = np.array(ref, dtype=float), np.array(cur, dtype=float)
    ks = stats.ks_2samp(r, c)
    mw = stats.mannwhitneyu(r, c)
    cvm = stats.cramervonmises_2samp(r, c)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # p-value capped/floored notices
        ad = stats.anderson_ksamp([r, c], variant="midrank")
    entry = {
        "reference": ref, "current": cur,
        "ks": [float(ks.statistic), float(ks.pvalue)],
        "mannwhitney": [float(mw.statistic), float(mw.pvalue)],
        "cvm": [float(cvm.statistic), float(cvm.pvalue)],
        "anderson": [float(ad.statistic), float(ad.pvalue)],
        "wasserstein": float(stats.wasserstein_distance(r, c)),
        "energy": float(stats.energy_distance(r, c)),
        "refStd": float(np.std(r, ddof=1)),
    }
    entry.update(binned(r, c))
    out[name] = entry

with open("drift-golden.json", "w") as f:
    json.dump(out, f)
    f.write("\n")

# Categorical: counts per category (reference, current), with a category unseen in the reference.
cat_cases = {
    "two-by-two": ([30, 70], [45, 55]),
    "three": ([50, 30, 20], [40, 35, 25]),
    "unseen": ([100, 50, 0], [90, 40, 20]),
    "identical": ([10, 20, 30], [10, 20, 30]),
    "skewed": ([500, 300, 150, 40, 10], [300, 300, 200, 150, 50]),
}
cat_out = {}
for name, (ref, cur) in cat_cases.items():
    table = np.array([ref, cur], dtype=float)
    keep = table.sum(axis=0) > 0
    table = table[:, keep]
    chi2, p, dof, _ = stats.chi2_contingency(table)
    g, gp, _, _ = stats.chi2_contingency(table, lambda_="log-likelihood")
    pr = np.array(ref, float) / np.sum(ref)
    pc = np.array(cur, float) / np.sum(cur)
    pre = np.where(pr == 0, 1e-4, pr)
    pce = np.where(pc == 0, 1e-4, pc)
    cat_out[name] = {
        "reference": ref, "current": cur,
        "chi2": [float(chi2), float(p), int(dof)],
        "g": [float(g), float(gp)],
        "psi": float(np.sum((pce - pre) * np.log(pce / pre))),
        "js": float(jensenshannon(pr, pc, base=2)),
        "hellinger": float(np.sqrt(np.sum((np.sqrt(pr) - np.sqrt(pc)) ** 2)) / np.sqrt(2)),
        "tv": float(0.5 * np.sum(np.abs(pr - pc))),
    }
with open("drift-categorical-golden.json", "w") as f:
    json.dump(cat_out, f, indent=1)
    f.write("\n")
