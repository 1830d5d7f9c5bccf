package dev.mlops.core.monitor;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A monotone map from a model's raw scores to probabilities of the positive class, fitted by
 * isotonic regression on labelled reference data, exactly as scikit-learn's
 * {@code IsotonicRegression(increasing=True, out_of_bounds="clip")} (checked against scikit-learn
 * 1.2.1 on committed fixtures to 1e-12).
 *
 * <pre>{@code
 * IsotonicCalibrator calibrator = IsotonicCalibrator.fit(referenceScores, referenceLabels);
 * double p = calibrator.apply(0.73);          // P(positive | score 0.73)
 * IsotonicCalibrator none = IsotonicCalibrator.identity(); // scores that already are probabilities
 * }</pre>
 *
 * <h2>How it is fitted</h2>
 * <ol>
 *   <li>The rows are sorted by score (then label). Scores closer than 1e-15 to the first score of a
 *       run (numpy's float64 resolution) are one score, and their labels are averaged, as
 *       scikit-learn's {@code _make_unique} does.
 *   <li>Pool-adjacent-violators, weighted by the number of rows per score, makes the averages
 *       non-decreasing; equal neighbours are pooled too.
 *   <li>Interior points of flat runs are dropped; what is left are the fitted points
 *       ({@link #fittedScores()}, {@link #fittedProbabilities()}), scikit-learn's
 *       {@code X_thresholds_} and {@code y_thresholds_}.
 * </ol>
 *
 * <p>{@link #apply(double)} clips a score to the fitted range, then interpolates linearly between the
 * fitted points on either side, with SciPy's {@code interp1d} arithmetic; a single fitted point gives
 * a constant. It costs a binary search over the fitted points (at most one per distinct reference
 * score), independent of how many scores are calibrated.
 *
 * <p>Instances are immutable and thread-safe; equal fitted points make equal calibrators.
 */
public final class IsotonicCalibrator {
  /** numpy's {@code finfo(float64).resolution}: scikit-learn merges scores closer than this. */
  private static final double RESOLUTION = 1e-15;

  private static final IsotonicCalibrator IDENTITY = new IsotonicCalibrator(null, null);

  private final double[] x;
  private final double[] y;

  private IsotonicCalibrator(double[] x, double[] y) {
    this.x = x;
    this.y = y;
  }

  /**
   * Returns the calibrator for scores that already are probabilities: {@link #apply(double)} returns
   * the score, which must lie in [0, 1].
   *
   * @return the identity calibrator
   */
  public static IsotonicCalibrator identity() {
    return IDENTITY;
  }

  /**
   * Fits a calibrator on reference scores and their true labels.
   *
   * @param scores the model's raw scores, finite (any scale: probabilities, logits, margins)
   * @param labels whether each row is truly positive
   * @return the fitted calibrator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if there are no rows, the lengths differ, a score is not finite
   *     (the message names its index), or the labels have a single class
   */
  public static IsotonicCalibrator fit(double[] scores, boolean[] labels) {
    requireNonNull(scores, "scores");
    requireNonNull(labels, "labels");
    int n = scores.length;
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a calibrator on no rows: scores is empty");
    }
    if (labels.length != n) {
      throw new IllegalArgumentException("scores has " + n + " rows but labels has " + labels.length);
    }
    int positives = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("scores[" + i + "] is " + scores[i] + "; expected a finite score");
      }
      if (labels[i]) {
        positives++;
      }
    }
    if (positives == 0 || positives == n) {
      throw new IllegalArgumentException("labels has a single class (all " + n + " rows are "
          + (positives == 0 ? "negative" : "positive") + "); calibration needs both classes");
    }

    // Sorting each class's scores and merging them orders the rows by score; the order of the labels
    // within a run of equal scores does not matter, since their sum is exact.
    double[] pos = new double[positives];
    double[] neg = new double[n - positives];
    for (int i = 0, a = 0, b = 0; i < n; i++) {
      if (labels[i]) {
        pos[a++] = scores[i];
      } else {
        neg[b++] = scores[i];
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    // Merge scores within RESOLUTION of a run's first score, averaging their labels
    // (scikit-learn's _make_unique).
    double[] ux = new double[n];
    double[] uy = new double[n];
    double[] uw = new double[n];
    int m = 0;
    int a = 0;
    int b = 0;
    double current = Math.min(pos[0], neg[0]);
    double sumY = 0;
    double sumW = 0;
    while (a < pos.length || b < neg.length) {
      boolean positive = b == neg.length || (a < pos.length && pos[a] < neg[b]);
      double v = positive ? pos[a++] : neg[b++];
      if (v - current >= RESOLUTION) {
        ux[m] = current;
        uw[m] = sumW;
        uy[m] = sumY / sumW;
        m++;
        current = v;
        sumW = 0;
        sumY = 0;
      }
      sumW += 1;
      sumY += positive ? 1 : 0;
    }
    ux[m] = current;
    uw[m] = sumW;
    uy[m] = sumY / sumW;
    m++;
    poolAdjacentViolators(uy, uw, m);

    // Keep the first and last points and any point whose value differs from a neighbour's.
    double[] fx = new double[m];
    double[] fy = new double[m];
    int k = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || i == m - 1 || uy[i] != uy[i - 1] || uy[i] != uy[i + 1]) {
        fx[k] = ux[i];
        fy[k] = uy[i];
        k++;
      }
    }
    return new IsotonicCalibrator(Arrays.copyOf(fx, k), Arrays.copyOf(fy, k));
  }

  /**
   * scikit-learn's {@code _inplace_contiguous_isotonic_regression}: pool-adjacent-violators with
   * backtracking, in place, for non-decreasing values; pooled blocks take their weighted mean.
   */
  private static void poolAdjacentViolators(double[] y, double[] w, int n) {
    int[] target = new int[n];
    for (int i = 0; i < n; i++) {
      target[i] = i;
    }
    int i = 0;
    while (i < n) {
      int k = target[i] + 1;
      if (k == n) {
        break;
      }
      if (y[i] < y[k]) {
        i = k;
        continue;
      }
      double sumWy = w[i] * y[i];
      double sumW = w[i];
      while (true) {
        double prevY = y[k];
        sumWy += w[k] * y[k];
        sumW += w[k];
        k = target[k] + 1;
        if (k == n || prevY < y[k]) {
          y[i] = sumWy / sumW;
          w[i] = sumW;
          target[i] = k - 1;
          target[k - 1] = i;
          if (i > 0) {
            i = target[i - 1];
          }
          break;
        }
      }
    }
    i = 0;
    while (i < n) {
      int k = target[i] + 1;
      Arrays.fill(y, i + 1, k, y[i]);
      i = k;
    }
  }

  /**
   * Calibrates one raw score.
   *
   * @param score a raw score, finite; in [0, 1] for the {@linkplain #identity() identity}
   * @return the probability that a row with this score is positive, in [0, 1]
   * @throws IllegalArgumentException if the score is not finite, or is outside [0, 1] for the identity
   */
  public double apply(double score) {
    if (x == null) {
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("score is " + score
            + "; the identity calibrator expects a probability in [0, 1]");
      }
      return score;
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score is " + score + "; expected a finite score");
    }
    int last = x.length - 1;
    if (last == 0) {
      return y[0];
    }
    double t = Math.min(Math.max(score, x[0]), x[last]);
    // scipy's interp1d: hi = searchsorted(x, t, 'left') clipped to [1, last]; lo = hi - 1
    int lo = 0;
    int hi = last;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    hi = Math.max(lo, 1);
    lo = hi - 1;
    double slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
    return slope * (t - x[lo]) + y[lo];
  }

  /** @return whether this is the {@linkplain #identity() identity} */
  public boolean isIdentity() {
    return x == null;
  }

  /**
   * Returns the raw scores of the fitted points, ascending (scikit-learn's {@code X_thresholds_}).
   *
   * @return a copy; empty for the identity
   */
  public double[] fittedScores() {
    return x == null ? new double[0] : x.clone();
  }

  /**
   * Returns the probabilities at the fitted points, non-decreasing (scikit-learn's
   * {@code y_thresholds_}).
   *
   * @return a copy; empty for the identity
   */
  public double[] fittedProbabilities() {
    return y == null ? new double[0] : y.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IsotonicCalibrator c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
  }

  @Override
  public String toString() {
    if (x == null) {
      return "IsotonicCalibrator[identity]";
    }
    return "IsotonicCalibrator[" + x.length + " points over scores [" + x[0] + ", " + x[x.length - 1]
        + "] -> [" + y[0] + ", " + y[y.length - 1] + "]]";
  }
}
