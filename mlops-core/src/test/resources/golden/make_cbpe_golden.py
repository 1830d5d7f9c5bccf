"""Golden values for IsotonicCalibratorGoldenTest and CbpeGoldenTest.

Run with Debian's interpreter from this directory:  /usr/bin/python3 make_cbpe_golden.py
(scikit-learn 1.2.1, numpy). Writes cbpe-golden.json.

"isotonic": scikit-learn's IsotonicRegression(increasing=True, out_of_bounds="clip") fitted on
(scores, labels); "expected" is its predict() at "queries", and "x"/"y" are its X_thresholds_ and
y_thresholds_ (the fitted points after scikit-learn drops interior points of flat runs).

"cbpe": NannyML's CBPE formulas written out with numpy on calibrated probabilities p and raw scores s
(predicted positive iff s >= threshold):
  TP = sum p over predicted positives, FP = sum (1 - p) over predicted positives,
  FN = sum p over predicted negatives, TN = sum (1 - p) over predicted negatives;
  accuracy = (TP + TN) / n, precision = TP / (TP + FP), recall = TP / (TP + FN),
  specificity = TN / (TN + FP), F1 = TP / (TP + (FP + FN) / 2) (null where 0/0);
  accuracy standard error = sqrt(sum p (1 - p)) / n (the Poisson-binomial variance of the number of
  correct predictions, divided by n^2);
  expected ROC AUC, exactly over pairs: sum_{i != j} p_i (1 - p_j) K(s_i, s_j) / sum_{i != j} p_i (1 - p_j)
  with K = 1 if s_i > s_j, 1/2 if equal, 0 otherwise.
A case with "reference" fits the calibrator on (reference.scores, reference.labels) first; otherwise
the scores are already probabilities (identity calibration).
"""
import json
import numpy as np
from sklearn.isotonic import IsotonicRegression

rng = np.random.default_rng(20261127)


def num(v):
    v = float(v)
    return None if np.isnan(v) else v


def isotonic(scores, labels, queries):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    queries = np.asarray(queries, dtype=float)
    ir = IsotonicRegression(increasing=True, out_of_bounds="clip").fit(scores, labels.astype(float))
    return {
        "scores": scores.tolist(), "labels": labels.tolist(), "queries": queries.tolist(),
        "expected": ir.predict(queries).tolist(),
        "x": ir.X_thresholds_.tolist(), "y": ir.y_thresholds_.tolist(),
    }


iso = {}
s = np.round(rng.beta(2, 5, 60), 1)
y = (rng.random(60) < s).astype(int)
y[np.argmin(s)] = 0
y[np.argmax(s)] = 1
iso["ties"] = isotonic(s, y, np.concatenate([np.unique(s), np.linspace(-0.1, 1.1, 25)]))
s = np.linspace(0.05, 0.95, 12)
iso["already-monotone"] = isotonic(s, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1],
                                   np.linspace(0, 1, 31))
iso["reversed"] = isotonic(np.arange(1.0, 9.0), [1, 1, 1, 1, 0, 0, 0, 0], np.linspace(0, 10, 41))
s = rng.normal(0, 2, 500)
y = (rng.random(500) < 1 / (1 + np.exp(-s))).astype(int)
q = np.concatenate([[-1e6, s.min() - 1, s.min(), s.max(), s.max() + 1, 1e6], rng.normal(0, 3, 60), s[:20]])
iso["logits-out-of-range"] = isotonic(s, y, q)
iso["small-n"] = isotonic([0.2, 0.7], [0, 1], [0.0, 0.2, 0.3, 0.45, 0.7, 0.9])
iso["small-n-swapped"] = isotonic([0.2, 0.7, 0.5], [1, 0, 1], [0.0, 0.2, 0.5, 0.6, 0.7, 0.9])
iso["single-score"] = isotonic([0.3, 0.3, 0.3], [0, 1, 1], [0.0, 0.3, 1.0])
iso["near-ties"] = isotonic([1e-16, 0.0, 1.0, 1.0 + 5e-16, 2.0, 0.5], [1, 0, 0, 1, 1, 0],
                            [-1.0, 0.0, 0.25, 1.0, 1.5, 2.0, 3.0])


def cbpe(p, s, threshold, extra=None):
    p = np.asarray(p, dtype=float)
    s = np.asarray(s, dtype=float)
    n = len(p)
    pos = s >= threshold
    tp, fp = p[pos].sum(), (1 - p[pos]).sum()
    fn, tn = p[~pos].sum(), (1 - p[~pos]).sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.float64(tp) / (tp + fp)
        recall = np.float64(tp) / (tp + fn)
        specificity = np.float64(tn) / (tn + fp)
        f1 = np.float64(tp) / (tp + 0.5 * (fp + fn))
    w = np.outer(p, 1 - p)
    np.fill_diagonal(w, 0)
    k = (s[:, None] > s[None, :]) + 0.5 * (s[:, None] == s[None, :])
    auc = (w * k).sum() / w.sum() if w.sum() > 0 else np.nan
    out = {
        "scores": s.tolist(), "threshold": threshold, "probabilities": p.tolist(),
        "TP": num(tp), "FP": num(fp), "FN": num(fn), "TN": num(tn),
        "accuracy": num((tp + tn) / n), "precision": num(precision), "recall": num(recall),
        "specificity": num(specificity), "f1": num(f1),
        "accuracyStandardError": num(np.sqrt((p * (1 - p)).sum()) / n),
        "rocAuc": num(auc),
    }
    if extra:
        out.update(extra)
    return out


cb = {}
p = rng.beta(2, 5, 400)
cb["beta-0.5"] = cbpe(p, p, 0.5)
cb["beta-0.2"] = cbpe(p, p, 0.2)
p = np.round(rng.beta(2, 2, 300), 2)
cb["tied-probabilities"] = cbpe(p, p, 0.5)
p = rng.uniform(0.0, 0.4, 200)
cb["no-predicted-positive"] = cbpe(p, p, 0.9)
p = np.concatenate([np.zeros(50), np.ones(30), rng.uniform(0, 1, 20)])
cb["extremes"] = cbpe(p, p, 0.5)
# a raw-score model (logits) calibrated on a reference sample; isotonic flat runs tie distinct raw scores
ref = rng.normal(0, 1.5, 600)
ref_y = (rng.random(600) < 1 / (1 + np.exp(-(0.5 * ref - 0.8)))).astype(int)
ir = IsotonicRegression(increasing=True, out_of_bounds="clip").fit(ref, ref_y.astype(float))
s = rng.normal(0.3, 1.8, 500)
cb["isotonic-logits"] = cbpe(ir.predict(s), s, 1.0,
                             {"reference": {"scores": ref.tolist(), "labels": ref_y.tolist()}})

with open("cbpe-golden.json", "w") as f:
    json.dump({"isotonic": iso, "cbpe": cb}, f)
    f.write("\n")
