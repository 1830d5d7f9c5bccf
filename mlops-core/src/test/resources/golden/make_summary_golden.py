"""Golden values for TableSummaryGoldenTest.

Writes summary-fixture.csv (seeded; normal, heavy-tailed, integral and constant columns, with
missing values, NaN and infinities) and summary-golden.json with numpy's count, mean,
std (ddof=1), min and max over the finite values of each column.

Run from this directory:  python3 make_summary_golden.py
"""
import json
import numpy as np

rng = np.random.default_rng(20261127)
n = 5000
cols = {
    "normal": rng.normal(10.0, 3.0, n),
    "cauchy": rng.standard_cauchy(n) * 1e3,
    "lognormal": rng.lognormal(0.0, 2.0, n),
    "counts": rng.poisson(4.0, n).astype(float),
    "constant": np.full(n, 2.5),
}
text = {k: [repr(float(v)) for v in vals] for k, vals in cols.items()}
# missing values, NaN and infinities in fixed places
for i in range(0, n, 97):
    text["normal"][i] = ""
for i in range(5, n, 211):
    text["cauchy"][i] = "NaN"
for i in range(7, n, 331):
    text["lognormal"][i] = "Infinity" if i % 2 else "-inf"
for i in range(3, n, 50):
    text["counts"][i] = "NA"
text["counts"] = [t[:-2] if t.endswith(".0") else t for t in text["counts"]]

names = list(cols)
with open("summary-fixture.csv", "w") as f:
    f.write(",".join(names) + "\n")
    for i in range(n):
        f.write(",".join(text[k][i] for k in names) + "\n")

golden = {}
for k in names:
    vals = []
    nulls = nan = inf = 0
    for t in text[k]:
        if t in ("", "NA"):
            nulls += 1
            continue
        v = float(t.replace("Infinity", "inf"))
        if np.isnan(v):
            nan += 1
        elif np.isinf(v):
            inf += 1
        else:
            vals.append(v)
    a = np.array(vals)
    golden[k] = {
        "count": n - nulls, "nulls": nulls, "nan": nan, "inf": inf,
        "mean": float(np.mean(a)), "std": float(np.std(a, ddof=1)),
        "min": float(np.min(a)), "max": float(np.max(a)),
    }
with open("summary-golden.json", "w") as f:
    json.dump(golden, f, indent=2, sort_keys=True)
    f.write("\n")
