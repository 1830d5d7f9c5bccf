package dev.mlops.core.monitor;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.monitor.ConfusionEstimate;
import dev.mlops.api.monitor.PerformanceEstimate;
import dev.mlops.api.monitor.PerformanceEstimator;

/**
 * Confidence-based performance estimation (CBPE, as in NannyML) for a binary classifier: its
 * expected confusion matrix, accuracy, precision, recall, specificity, F1 and ROC AUC on rows whose
 * labels have not arrived, from the model's scores alone.
 *
 * <pre>{@code
 * // once, on labelled reference data
 * Cbpe cbpe = Cbpe.of(IsotonicCalibrator.fit(referenceScores, referenceLabels), 0.5);
 * // per window in serving
 * Cbpe.Accumulator window = cbpe.accumulator();
 * for (double score : scores) {
 *   window.add(score);
 * }
 * PerformanceEstimate estimate = window.estimate();   // or cbpe.estimate(scores) for a batch
 * }</pre>
 *
 * <p>Each raw score is calibrated into p = P(positive | score) and the row is predicted positive
 * iff its <em>raw</em> score is at least the threshold (the model's own decision). The estimate is
 * only as good as the calibration: it assumes P(label | score) is the same as on the reference data
 * (covariate shift is fine, concept drift is not). {@link PerformanceEstimate} defines the metrics
 * and the accuracy interval.
 *
 * <h2>Expected ROC AUC</h2>
 * The realised AUC over rows with labels y is {@code A = sum_{i != j} y_i (1 - y_j) K_ij / sum_{i !=
 * j} y_i (1 - y_j)}, where {@code K_ij} is 1 if raw score s_i &gt; s_j, 1/2 if they are equal and 0
 * otherwise (the pair i = j drops out since y_i (1 - y_i) = 0). With the y_i independent Bernoulli(p_i),
 * {@code E[y_i (1 - y_j)] = p_i (1 - p_j)} for i &ne; j, and the estimate is the ratio of the
 * expectations (as NannyML's; the expectation of the ratio differs by O(1/n)):
 * <pre>
 *   AUC = sum_{i != j} p_i (1 - p_j) K_ij / D,   D = sum_{i != j} p_i (1 - p_j) = P N - sum p (1 - p),
 * </pre>
 * with P = sum p and N = sum (1 - p). Because the calibration is non-decreasing, s_i &gt; s_j implies
 * p_i &ge; p_j; and a pair with p_i = p_j adds p (1 - p) (K_ij + K_ji) = p (1 - p) whatever its raw
 * order. So the sum depends on the raw scores only through p, which lets it be accumulated in a
 * fixed histogram of p: {@value #AUC_BINS} bins of width h = 1/{@value #AUC_BINS}, each holding the
 * row count m, the sum of p and the sum of p^2. Pairs in different bins are ordered exactly; pairs
 * in the same bin count 1/2 each, which for p_i &ge; p_j understates the pair's p_i (1 - p_j) by
 * (p_i - p_j) / 2. The histogram AUC is thus never above the exact one, and below it by at most
 * <pre>
 *   sum over bins of min(h C, sqrt(C S)) / (2 D),   C = m (m - 1) / 2,   S = m sum p^2 - (sum p)^2
 * </pre>
 * (Cauchy-Schwarz on the within-bin sum of |p_i - p_j|, whose squares sum to S); this is reported
 * as {@link PerformanceEstimate#rocAucErrorBound()}. It is zero when each bin holds one distinct p
 * (isotonic flat runs tie many rows at one p, which costs nothing) and shrinks as 1 / bins^2; on
 * 400 to 5,000 rows with p ~ Beta(2, 5) it was below 1e-6, and the actual gap 7.6e-7 against a
 * bound of 8.0e-7 (see the tests).
 *
 * <h2>Cost</h2>
 * {@link Accumulator#add(double)} does a binary search over the calibrator's fitted points and a
 * constant number of additions, allocating nothing; its cost does not grow with the number of rows.
 * An accumulator holds {@value #AUC_BINS} x 24 bytes (about 24 KB) of histogram.
 *
 * <p>{@code Cbpe} is immutable and thread-safe; an {@link Accumulator} is not (give each thread its
 * own and {@linkplain Accumulator#merge(PerformanceEstimator.Accumulator) merge} them).
 */
public final class Cbpe implements PerformanceEstimator {
  /** Number of equal-width bins over [0, 1] of the calibrated probability, for the ROC AUC. */
  public static final int AUC_BINS = 1000;

  private final IsotonicCalibrator calibrator;
  private final double threshold;

  private Cbpe(IsotonicCalibrator calibrator, double threshold) {
    this.calibrator = calibrator;
    this.threshold = threshold;
  }

  /**
   * Creates an estimator.
   *
   * @param calibrator maps raw scores to probabilities of the positive class
   * @param threshold the raw score at and above which the model predicts positive; any finite value,
   *     on the scale of the raw scores (not necessarily in [0, 1])
   * @return the estimator
   * @throws NullPointerException if the calibrator is null
   * @throws IllegalArgumentException if the threshold is not finite
   */
  public static Cbpe of(IsotonicCalibrator calibrator, double threshold) {
    requireNonNull(calibrator, "calibrator");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a finite raw score, was " + threshold);
    }
    return new Cbpe(calibrator, threshold);
  }

  /** @return the calibrator */
  public IsotonicCalibrator calibrator() {
    return calibrator;
  }

  /** @return the raw-score decision threshold */
  @Override
  public double threshold() {
    return threshold;
  }

  /** @return a new, empty accumulator */
  @Override
  public Accumulator accumulator() {
    return new Accumulator(this);
  }

  /**
   * Estimates performance on a batch of raw scores.
   *
   * @param rawScores the model's raw scores, finite
   * @return the estimate
   * @throws NullPointerException if the scores are null
   * @throws IllegalArgumentException if there are no scores, or a score is not finite (or, with the
   *     identity calibrator, outside [0, 1]); the message names its index
   */
  @Override
  public PerformanceEstimate estimate(double[] rawScores) {
    requireNonNull(rawScores, "rawScores");
    if (rawScores.length == 0) {
      throw new IllegalArgumentException("no rows: rawScores is empty");
    }
    Accumulator acc = accumulator();
    for (int i = 0; i < rawScores.length; i++) {
      try {
        acc.add(rawScores[i]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("rawScores[" + i + "]: " + e.getMessage(), e);
      }
    }
    return acc.estimate();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cbpe c && Double.compare(threshold, c.threshold) == 0 && calibrator.equals(c.calibrator);
  }

  @Override
  public int hashCode() {
    return 31 * calibrator.hashCode() + Double.hashCode(threshold);
  }

  @Override
  public String toString() {
    return "Cbpe[threshold=" + threshold + ", " + calibrator + "]";
  }

  /**
   * Running sums for one window of rows: mutable, mergeable, and <em>not</em> thread-safe.
   *
   * <pre>{@code
   * Cbpe.Accumulator a = cbpe.accumulator();   // one per thread or partition
   * Cbpe.Accumulator b = cbpe.accumulator();
   * a.add(0.91);
   * b.add(0.12);
   * a.merge(b);                                 // a now covers both
   * PerformanceEstimate e = a.estimate();
   * }</pre>
   *
   * <p>Merging is exact for {@link #count()} and the histogram counts; the expected counts are sums
   * of doubles, so they agree with a single accumulator over all rows up to rounding.
   */
  public static final class Accumulator implements PerformanceEstimator.Accumulator {
    private final Cbpe cbpe;
    private long rows;
    private double truePositives;
    private double falsePositives;
    private double falseNegatives;
    private double trueNegatives;
    private double variance;
    private final long[] binCount = new long[AUC_BINS];
    private final double[] binP = new double[AUC_BINS];
    private final double[] binP2 = new double[AUC_BINS];

    private Accumulator(Cbpe cbpe) {
      this.cbpe = cbpe;
    }

    /** @return the estimator this accumulator belongs to */
    public Cbpe cbpe() {
      return cbpe;
    }

    /**
     * Adds one prediction.
     *
     * @param rawScore the model's raw score, finite (in [0, 1] with the identity calibrator)
     * @throws IllegalArgumentException if the score is not finite, or outside [0, 1] with the
     *     identity calibrator; the accumulator is then unchanged
     */
    @Override
    public void add(double rawScore) {
      if (!Double.isFinite(rawScore)) {
        throw new IllegalArgumentException("rawScore is " + rawScore + "; expected a finite score");
      }
      double p = cbpe.calibrator.apply(rawScore);
      double q = 1 - p;
      if (rawScore >= cbpe.threshold) {
        truePositives += p;
        falsePositives += q;
      } else {
        falseNegatives += p;
        trueNegatives += q;
      }
      variance += p * q;
      int b = Math.min(AUC_BINS - 1, (int) (p * AUC_BINS));
      binCount[b]++;
      binP[b] += p;
      binP2[b] += p * p;
      rows++;
    }

    /**
     * Adds another accumulator's rows to this one; the other is unchanged.
     *
     * @param other an accumulator of an equal {@link Cbpe} (same calibrator and threshold)
     * @return this accumulator
     * @throws NullPointerException if other is null
     * @throws IllegalArgumentException if the other is not a {@code Cbpe} accumulator or belongs to a
     *     different calibrator or threshold
     */
    @Override
    public Accumulator merge(PerformanceEstimator.Accumulator other) {
      requireNonNull(other, "other");
      if (!(other instanceof Accumulator a)) {
        throw new IllegalArgumentException("cannot merge " + other + " into an accumulator of " + cbpe);
      }
      mergeSums(a);
      return this;
    }

    private void mergeSums(Accumulator other) {
      if (other.cbpe != cbpe && !other.cbpe.equals(cbpe)) {
        throw new IllegalArgumentException("cannot merge an accumulator of " + other.cbpe + " into one of " + cbpe);
      }
      truePositives += other.truePositives;
      falsePositives += other.falsePositives;
      falseNegatives += other.falseNegatives;
      trueNegatives += other.trueNegatives;
      variance += other.variance;
      rows += other.rows;
      for (int b = 0; b < AUC_BINS; b++) {
        binCount[b] += other.binCount[b];
        binP[b] += other.binP[b];
        binP2[b] += other.binP2[b];
      }
    }

    /** @return the number of rows added (including merged ones) */
    @Override
    public long count() {
      return rows;
    }

    /**
     * Estimates performance over the rows added so far. With no rows every metric is {@code NaN}.
     *
     * @return the estimate
     */
    @Override
    public PerformanceEstimate estimate() {
      double tp = truePositives;
      double fp = falsePositives;
      double fn = falseNegatives;
      double tn = trueNegatives;
      double se = rows == 0 ? Double.NaN : Math.sqrt(variance) / rows;
      double auc = Double.NaN;
      double bound = Double.NaN;
      double d = (tp + fn) * (fp + tn) - variance;
      if (rows >= 2 && d > 0) {
        double numerator = 0;
        double negativesBelow = 0;
        double slack = 0;
        for (int b = 0; b < AUC_BINS; b++) {
          long m = binCount[b];
          if (m == 0) {
            continue;
          }
          double positives = binP[b];
          double negatives = m - positives;
          numerator += positives * (negativesBelow + 0.5 * negatives);
          negativesBelow += negatives;
          double pairs = 0.5 * m * (m - 1.0);
          double spread = Math.max(0, m * binP2[b] - positives * positives);
          slack += Math.min(pairs / AUC_BINS, Math.sqrt(pairs * spread));
        }
        numerator -= 0.5 * variance; // the pairs i = j, counted 1/2 within their bin
        auc = Math.min(1, Math.max(0, numerator / d));
        bound = slack / (2 * d);
      }
      return new PerformanceEstimate(rows, cbpe.threshold, new ConfusionEstimate(tp, fp, fn, tn), se, auc, bound);
    }

    @Override
    public String toString() {
      return "Cbpe.Accumulator[rows=" + rows + ", threshold=" + cbpe.threshold + "]";
    }
  }
}
