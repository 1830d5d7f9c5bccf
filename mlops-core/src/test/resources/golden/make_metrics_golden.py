"""Golden values for MetricsGoldenTest, from scikit-learn 1.2.1 (Debian's python3-sklearn).

Run with Debian's interpreter from this directory:  /usr/bin/python3 make_metrics_golden.py
Classes are 0..k-1; probabilities are per class; binary metrics score class 1 as positive.
ECE (not in scikit-learn) is computed here with numpy: 10 equal-width bins (0, .1], ..., (.9, 1]
of the top probability; multiclass Brier is mean(sum_k (p_k - y_k)^2).
"""
import json
import numpy as np
from sklearn import metrics

rng = np.random.default_rng(11)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ece(y, p):
    conf = p.max(axis=1)
    pred = p.argmax(axis=1)
    b = np.clip(np.ceil(conf * 10).astype(int) - 1, 0, 9)
    total = 0.0
    for k in range(10):
        m = b == k
        if m.any():
            total += m.sum() / len(y) * abs((pred[m] == y[m]).mean() - conf[m].mean())
    return total


def classification(y, pred, p):
    k = p.shape[1]
    labels = list(range(k))
    out = {"truth": y.tolist(), "predicted": pred.tolist(), "probabilities": p.tolist()}
    out["ACCURACY"] = metrics.accuracy_score(y, pred)
    out["BALANCED_ACCURACY"] = metrics.balanced_accuracy_score(y, pred)
    for avg in ["macro", "micro", "weighted"]:
        out["PRECISION_" + avg.upper()] = metrics.precision_score(y, pred, average=avg, zero_division=0)
        out["RECALL_" + avg.upper()] = metrics.recall_score(y, pred, average=avg, zero_division=0)
        out["F1_" + avg.upper()] = metrics.f1_score(y, pred, average=avg, zero_division=0)
    if k == 2:
        out["ROC_AUC"] = metrics.roc_auc_score(y, p[:, 1])
        out["ROC_AUC_WEIGHTED"] = out["ROC_AUC"]
        out["AVERAGE_PRECISION"] = metrics.average_precision_score(y, p[:, 1])
        out["BRIER"] = metrics.brier_score_loss(y, p[:, 1])
    else:
        out["ROC_AUC"] = metrics.roc_auc_score(y, p, multi_class="ovr", average="macro", labels=labels)
        out["ROC_AUC_WEIGHTED"] = metrics.roc_auc_score(y, p, multi_class="ovr", average="weighted", labels=labels)
        onehot = np.eye(k)[y]
        out["BRIER"] = float(np.mean(np.sum((p - onehot) ** 2, axis=1)))
    out["LOG_LOSS"] = metrics.log_loss(y, p, labels=labels)
    out["EXPECTED_CALIBRATION_ERROR"] = ece(y, p)
    out["confusion"] = metrics.confusion_matrix(y, pred, labels=labels).tolist()
    return {key: (float(v) if isinstance(v, (float, np.floating)) else v) for key, v in out.items()}


cases = {}
# binary with tied scores
y = rng.integers(0, 2, 80)
s = np.round(np.clip(0.3 * y + rng.normal(0.35, 0.2, 80), 0.0, 1.0), 1)
p = np.stack([1 - s, s], axis=1)
cases["binary-ties"] = classification(y, (s >= 0.5).astype(int), p)
# binary where class 1 is never predicted
y = rng.integers(0, 2, 40)
s = rng.uniform(0.05, 0.45, 40)
p = np.stack([1 - s, s], axis=1)
cases["binary-never-predicted"] = classification(y, np.zeros(40, dtype=int), p)
# multiclass, class 3 present in truth but never predicted
y = rng.integers(0, 4, 300)
z = rng.normal(0, 1, (300, 4))
z[np.arange(300), y] += 1.2
z[:, 3] -= 5
p = softmax(z)
cases["multiclass"] = classification(y, p.argmax(axis=1), p)
# multiclass with extreme probabilities (log-loss clipping)
y = rng.integers(0, 3, 50)
p = np.zeros((50, 3))
p[np.arange(50), rng.integers(0, 3, 50)] = 1.0
cases["multiclass-hard"] = classification(y, p.argmax(axis=1), p)

regression = {}
for name, (t, f) in {
    "normal": (rng.normal(10, 3, 200), None),
    "near-zero": (rng.normal(0, 0.01, 50), None),
}.items():
    f = t + rng.normal(0, 1, len(t))
    regression[name] = {
        "truth": t.tolist(), "predicted": f.tolist(),
        "RMSE": float(np.sqrt(metrics.mean_squared_error(t, f))),
        "MAE": float(metrics.mean_absolute_error(t, f)),
        "R2": float(metrics.r2_score(t, f)),
        "MAPE": float(metrics.mean_absolute_percentage_error(t, f)),
    }
t = np.full(20, 3.0)
regression["constant-truth"] = {"truth": t.tolist(), "predicted": (t + 0.5).tolist(),
                                "RMSE": 0.5, "MAE": 0.5, "R2": float(metrics.r2_score(t, t + 0.5)),
                                "MAPE": float(metrics.mean_absolute_percentage_error(t, t + 0.5))}

with open("metrics-golden.json", "w") as f:
    json.dump({"classification": cases, "regression": regression}, f)
    f.write("\n")
