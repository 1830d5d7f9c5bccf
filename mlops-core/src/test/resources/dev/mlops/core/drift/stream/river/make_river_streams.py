"""Regenerates the input streams of River's drift-detector doctests and tests.

River (online-ml/river) builds its drift examples from seeded generators: the doctests in
river/drift/*.py and river/drift/binary/*.py use Python's ``random.Random(seed)``; the tests in
river/drift/test_drift_detectors.py and test_adwin_regression.py use NumPy's legacy
``np.random.seed`` (MT19937, whose streams NumPy keeps stable) or ``random.Random``. This script
repeats each generator call exactly as River writes it and saves one value per line (integers as
integers, floats with ``repr``, which Java's ``Double.parseDouble`` reads back to the same double).

Run from this directory: ``python3 make_river_streams.py`` (Python 3 and NumPy). The expected
indices are River's own, quoted in RiverCasesTest beside the case that reproduces them.
"""
import random

import numpy as np


def write(name, values):
    with open(name + ".txt", "w") as f:
        for v in values:
            if isinstance(v, float):
                f.write(repr(v) + "\n")
            else:
                f.write(str(int(v)) + "\n")


# Doctests of ADWIN, PageHinkley and KSWIN (river/drift/adwin.py, page_hinkley.py, kswin.py):
# rng = random.Random(12345)
# data_stream = rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000)
rng = random.Random(12345)
write("doctest_12345_two_regimes", rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000))

# Doctests of DDM, EDDM, HDDMA and HDDMW (river/drift/binary/*.py):
# rng = random.Random(42)
# data_stream = rng.choices([0, 1], k=1000)
# data_stream = data_stream + rng.choices([0, 1], k=1000, weights=[0.3, 0.7])
rng = random.Random(42)
s = rng.choices([0, 1], k=1000)
s = s + rng.choices([0, 1], k=1000, weights=[0.3, 0.7])
write("doctest_42_error_rise", s)

# test_drift_detectors.py, module level:
np.random.seed(12345)
write("test_data_stream_1",
      np.concatenate((np.random.randint(2, size=1000), np.random.randint(8, size=1000))))

np.random.seed(12345)
write("test_data_stream_2", np.concatenate([
    [np.random.binomial(1, 0.2) for _ in range(1000)],
    [np.random.binomial(1, 0.8) for _ in range(1000)],
]).astype(int))

np.random.seed(12345)
write("test_data_stream_3", np.concatenate((
    np.random.normal(0.0, 0.1, 500) > 0,
    np.random.normal(0.25, 0.1, 500) > 0,
    np.random.normal(0.0, 0.1, 500) > 0,
    np.random.normal(0.25, 0.1, 500) > 0,
)).astype(int))

# test_adwin_regression.py, test_multiple_drifts:
rng = random.Random(42)
write("adwin_multiple_drifts", rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000)
      + rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000))

# test_adwin_regression.py, test_no_drift_stable_distribution:
rng = random.Random(123)
write("adwin_gauss_123", [rng.gauss(0, 1) for _ in range(5000)])

# test_adwin_regression.py, test_variance_correctness:
rng = random.Random(999)
write("adwin_gauss_999", [rng.gauss(5, 2) for _ in range(500)])

# test_adwin_regression.py, test_different_deltas:
np.random.seed(42)
write("adwin_deltas_42", [float(v) for v in np.concatenate((np.random.randn(500), np.random.randn(500) + 0.5))])

# test_adwin_regression.py, test_max_buckets_variation and test_very_long_stream:
rng = random.Random(42)
write("adwin_uniform_42_2000", [rng.random() for _ in range(2000)])

# test_adwin_regression.py, test_min_window_length:
rng = random.Random(42)
write("adwin_min_window_42", [rng.gauss(0, 1) for _ in range(500)] + [rng.gauss(5, 1) for _ in range(500)])
