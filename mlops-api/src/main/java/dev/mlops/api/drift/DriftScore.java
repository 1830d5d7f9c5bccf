package dev.mlops.api.drift;

import java.util.Objects;

/**
 * The result of one drift method on one column.
 *
 * @param method the method
 * @param statistic the statistic or distance (never NaN)
 * @param pValue the p-value before any multiple-testing correction, or {@code NaN} for a distance
 * @param threshold the significance level (p-value methods) or the distance from which a column drifted
 * @param drifted whether the column drifted by this score alone (before correction)
 * @param referenceSize the number of reference values compared (nulls excluded)
 * @param currentSize the number of current values compared (nulls excluded)
 */
public record DriftScore(DriftMethod method, double statistic, double pValue, double threshold, boolean drifted,
    long referenceSize, long currentSize) {

  /**
   * Validates the components.
   *
   * @param method the method
   * @param statistic the statistic
   * @param pValue the p-value or NaN
   * @param threshold the threshold
   * @param drifted whether drifted
   * @param referenceSize reference values
   * @param currentSize current values
   */
  public DriftScore {
    Objects.requireNonNull(method, "method");
    if (Double.isNaN(statistic)) {
      throw new IllegalArgumentException(method + ": statistic must not be NaN");
    }
    if (method.hasPValue() ? !(pValue >= 0 && pValue <= 1) : !Double.isNaN(pValue)) {
      throw new IllegalArgumentException(method + (method.hasPValue()
          ? ": p-value must be in [0, 1], was " + pValue : ": a distance has no p-value, was " + pValue));
    }
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
    }
    if (referenceSize < 1 || currentSize < 1) {
      throw new IllegalArgumentException("sizes must be >= 1, were " + referenceSize + " and " + currentSize);
    }
  }
}
