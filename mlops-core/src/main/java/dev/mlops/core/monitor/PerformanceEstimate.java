package dev.mlops.core.monitor;

/**
 * A binary classifier's expected performance on rows whose labels are not known yet, estimated by
 * {@link Cbpe} from calibrated probabilities p (the probability that each row is positive).
 *
 * <pre>{@code
 * PerformanceEstimate e = Cbpe.of(calibrator, 0.5).estimate(todaysScores);
 * if (e.accuracyUpper() < 0.80) { alert("accuracy below 0.80: " + e); }
 * }</pre>
 *
 * <h2>Definitions</h2>
 * With a row predicted positive iff its raw score is at least the {@link #threshold()}:
 * <ul>
 *   <li>expected TP = sum of p over predicted positives, FP = sum of 1 - p over predicted positives,
 *       FN = sum of p over predicted negatives, TN = sum of 1 - p over predicted negatives; they add
 *       up to {@link #rows()};
 *   <li>accuracy = (TP + TN) / n, precision = TP / (TP + FP), recall (true positive rate) = TP / (TP +
 *       FN), specificity = TN / (TN + FP), F1 = 2 TP / (2 TP + FP + FN): NannyML's CBPE formulas;
 *   <li>ROC AUC = P(a positive row outscores a negative one, ties 1/2), each row positive with
 *       probability p independently; see {@link Cbpe} for the derivation and the histogram behind
 *       {@link #rocAucErrorBound()}.
 * </ul>
 * A ratio whose denominator is zero is {@code NaN}: precision with no predicted positives, recall
 * when every p is 0, specificity when every p is 1, F1 when TP + FP + FN is 0, ROC AUC with fewer
 * than two rows or all p equal to 0 (or all equal to 1), and every metric with no rows.
 *
 * <h2>Uncertainty of the accuracy</h2>
 * If the probabilities are right, each row is predicted correctly with probability p (predicted
 * positive) or 1 - p (predicted negative), independently, so the number of correct predictions is
 * Poisson-binomial with variance sum p (1 - p), the same for either decision. The standard error of
 * the realised accuracy is therefore {@code sqrt(sum p (1 - p)) / n}, and the 95% interval is
 * accuracy &plusmn; 1.96 standard errors (normal approximation), clipped to [0, 1]. It covers
 * sampling noise only: the calibration's own error, and drift in P(label | score) since the
 * reference, are not in it.
 *
 * @param rows the number of rows
 * @param threshold the raw-score threshold at and above which a row is predicted positive
 * @param truePositives expected true positives
 * @param falsePositives expected false positives
 * @param falseNegatives expected false negatives
 * @param trueNegatives expected true negatives
 * @param accuracy expected accuracy
 * @param accuracyStandardError standard error of the realised accuracy, {@code sqrt(sum p(1-p)) / n}
 * @param accuracyLower lower end of the 95% interval for the realised accuracy
 * @param accuracyUpper upper end of the 95% interval for the realised accuracy
 * @param precision expected precision
 * @param recall expected recall (true positive rate)
 * @param specificity expected specificity (true negative rate)
 * @param f1 expected F1
 * @param rocAuc expected ROC AUC
 * @param rocAucErrorBound a bound on how far {@code rocAuc} may lie below the exact pairwise value
 *     because of the histogram ({@code 0 <= exact - rocAuc <= rocAucErrorBound}); {@code NaN} with
 *     {@code rocAuc}
 */
public record PerformanceEstimate(
    long rows,
    double threshold,
    double truePositives,
    double falsePositives,
    double falseNegatives,
    double trueNegatives,
    double accuracy,
    double accuracyStandardError,
    double accuracyLower,
    double accuracyUpper,
    double precision,
    double recall,
    double specificity,
    double f1,
    double rocAuc,
    double rocAucErrorBound) {

  /** The two-sided 95% standard normal quantile used for the accuracy interval. */
  public static final double Z_95 = 1.959963984540054;

  /**
   * Validates an estimate.
   *
   * @throws IllegalArgumentException if rows is negative, the threshold is not finite, or an expected
   *     count is negative or not finite
   */
  public PerformanceEstimate {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, was " + rows);
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite, was " + threshold);
    }
    checkCount("truePositives", truePositives);
    checkCount("falsePositives", falsePositives);
    checkCount("falseNegatives", falseNegatives);
    checkCount("trueNegatives", trueNegatives);
  }

  private static void checkCount(String name, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be a finite count >= 0, was " + value);
    }
  }
}
