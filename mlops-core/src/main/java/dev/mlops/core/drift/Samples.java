package dev.mlops.core.drift;

import dev.mlops.core.internal.DoubleSort;

/** Checks and sorts the samples the drift statistics take. */
final class Samples {
  private Samples() {}

  /** Returns a sorted copy, after checking the sample is non-empty and holds no NaN. */
  static double[] sorted(double[] sample, String name, boolean finiteOnly) {
    if (sample == null) {
      throw new NullPointerException(name);
    }
    if (sample.length == 0) {
      throw new IllegalArgumentException(name + " sample is empty; a drift statistic needs at least one value");
    }
    for (int i = 0; i < sample.length; i++) {
      double x = sample[i];
      if (Double.isNaN(x)) {
        throw new IllegalArgumentException(name + " sample holds NaN at index " + i
            + "; remove NaN (and nulls) before comparing distributions");
      }
      if (finiteOnly && Double.isInfinite(x)) {
        throw new IllegalArgumentException(name + " sample holds " + x + " at index " + i
            + "; this distance needs finite values (Kolmogorov-Smirnov and Mann-Whitney accept infinities)");
      }
    }
    double[] copy = sample.clone();
    DoubleSort.sort(copy);
    return copy;
  }
}
