package dev.mlops.api.monitor;

import java.util.Locale;
import java.util.Objects;

/**
 * A binary classifier's expected performance on rows whose labels are not known yet, estimated from
 * calibrated probabilities p (the probability that each row is positive) by a
 * {@link PerformanceEstimator} such as {@code dev.mlops.core.monitor.Cbpe}.
 *
 * <pre>{@code
 * PerformanceEstimate e = Cbpe.of(calibrator, 0.5).estimate(todaysScores);
 * if (e.accuracyUpper() < 0.80) { alert("accuracy below 0.80: " + e); }
 * }</pre>
 *
 * <h2>Definitions</h2>
 * With a row predicted positive iff its raw score is at least the {@link #threshold()}:
 * <ul>
 *   <li>the {@linkplain #confusion() expected confusion matrix}: TP = sum of p over predicted
 *       positives, FP = sum of 1 - p over predicted positives, FN = sum of p over predicted negatives,
 *       TN = sum of 1 - p over predicted negatives; they add up to {@link #rows()};
 *   <li>accuracy = (TP + TN) / n, precision = TP / (TP + FP), recall (true positive rate) = TP / (TP +
 *       FN), specificity = TN / (TN + FP), F1 = 2 TP / (2 TP + FP + FN): NannyML's CBPE formulas,
 *       computed from the confusion matrix by the methods of the same names;
 *   <li>ROC AUC = P(a positive row outscores a negative one, ties 1/2), each row positive with
 *       probability p independently; {@code Cbpe} documents the derivation and the histogram behind
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
 * accuracy &plusmn; {@value #Z_95} standard errors (normal approximation), clipped to [0, 1]. It
 * covers sampling noise only: the calibration's own error, and drift in P(label | score) since the
 * reference, are not in it.
 *
 * @param rows the number of rows
 * @param threshold the raw-score threshold at and above which a row is predicted positive
 * @param confusion the expected confusion matrix
 * @param accuracyStandardError standard error of the realised accuracy, {@code sqrt(sum p(1-p)) / n};
 *     {@code NaN} with no rows
 * @param rocAuc expected ROC AUC
 * @param rocAucErrorBound a bound on how far {@code rocAuc} may lie below the exact pairwise value
 *     because of the histogram ({@code 0 <= exact - rocAuc <= rocAucErrorBound}); {@code NaN} with
 *     {@code rocAuc}
 */
public record PerformanceEstimate(long rows, double threshold, ConfusionEstimate confusion,
    double accuracyStandardError, double rocAuc, double rocAucErrorBound) {

  /** The two-sided 95% standard normal quantile used for the accuracy interval. */
  public static final double Z_95 = 1.959963984540054;

  /**
   * Validates an estimate.
   *
   * @param rows the number of rows
   * @param threshold the raw-score decision threshold
   * @param confusion the expected confusion matrix
   * @param accuracyStandardError the standard error of the accuracy
   * @param rocAuc the expected ROC AUC
   * @param rocAucErrorBound the histogram's bound on the ROC AUC error
   * @throws NullPointerException if the confusion matrix is null
   * @throws IllegalArgumentException if rows is negative or the threshold is not finite
   */
  public PerformanceEstimate {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, was " + rows);
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite, was " + threshold);
    }
    Objects.requireNonNull(confusion, "confusion");
  }

  /** @return the expected accuracy, (TP + TN) / rows; {@code NaN} with no rows */
  public double accuracy() {
    return rows == 0 ? Double.NaN : (confusion.truePositives() + confusion.trueNegatives()) / rows;
  }

  /** @return the lower end of the 95% interval for the realised accuracy, at least 0; {@code NaN} with no rows */
  public double accuracyLower() {
    return rows == 0 ? Double.NaN : Math.max(0, accuracy() - Z_95 * accuracyStandardError);
  }

  /** @return the upper end of the 95% interval for the realised accuracy, at most 1; {@code NaN} with no rows */
  public double accuracyUpper() {
    return rows == 0 ? Double.NaN : Math.min(1, accuracy() + Z_95 * accuracyStandardError);
  }

  /** @return the expected precision, TP / (TP + FP) */
  public double precision() {
    return ratio(confusion.truePositives(), confusion.truePositives() + confusion.falsePositives());
  }

  /** @return the expected recall (true positive rate), TP / (TP + FN) */
  public double recall() {
    return ratio(confusion.truePositives(), confusion.truePositives() + confusion.falseNegatives());
  }

  /** @return the expected specificity (true negative rate), TN / (TN + FP) */
  public double specificity() {
    return ratio(confusion.trueNegatives(), confusion.trueNegatives() + confusion.falsePositives());
  }

  /** @return the expected F1, 2 TP / (2 TP + FP + FN) */
  public double f1() {
    double tp = confusion.truePositives();
    return ratio(2 * tp, 2 * tp + confusion.falsePositives() + confusion.falseNegatives());
  }

  /** @return rows, accuracy with its interval, precision, recall, specificity, F1 and ROC AUC on one line */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d rows at threshold %s: accuracy %.4f [%.4f, %.4f], precision %.4f, "
        + "recall %.4f, specificity %.4f, F1 %.4f, ROC AUC %.4f", rows, threshold, accuracy(), accuracyLower(),
        accuracyUpper(), precision(), recall(), specificity(), f1(), rocAuc);
  }

  private static double ratio(double a, double b) {
    return b > 0 ? a / b : Double.NaN;
  }
}
