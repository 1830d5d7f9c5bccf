package dev.mlops.core.gate;

import java.util.Arrays;

/**
 * Binary ROC AUC under row weights (bootstrap resample counts) without sorting again: rows are
 * sorted by score once, then each weighting is one pass over the tie groups, counting weighted
 * negatives below each positive (ties one half).
 */
final class WeightedAuc {
  private final int[] order;
  private final int[] groupStarts;
  private final boolean[] positive;

  WeightedAuc(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(scores[a], scores[b]));
    order = new int[n];
    int[] starts = new int[n + 1];
    int groups = 0;
    for (int i = 0; i < n; i++) {
      order[i] = boxed[i];
      if (i == 0 || scores[boxed[i]] != scores[boxed[i - 1]]) {
        starts[groups++] = i;
      }
    }
    starts[groups] = n;
    groupStarts = Arrays.copyOf(starts, groups + 1);
    this.positive = positive;
  }

  /** The AUC with row {@code r} counted {@code weights[r]} times, or NaN when a class has no weight. */
  double auc(int[] weights) {
    double pairs = 0;
    double negativesBelow = 0;
    double positives = 0;
    for (int g = 0; g + 1 < groupStarts.length; g++) {
      double pw = 0;
      double nw = 0;
      for (int q = groupStarts[g]; q < groupStarts[g + 1]; q++) {
        int r = order[q];
        if (positive[r]) {
          pw += weights[r];
        } else {
          nw += weights[r];
        }
      }
      pairs += pw * (negativesBelow + 0.5 * nw);
      negativesBelow += nw;
      positives += pw;
    }
    if (positives == 0 || negativesBelow == 0) {
      return Double.NaN;
    }
    return pairs / (positives * negativesBelow);
  }
}
