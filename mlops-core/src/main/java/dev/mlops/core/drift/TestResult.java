package dev.mlops.core.drift;

/**
 * A statistic and its p-value.
 *
 * @param statistic the test statistic
 * @param pValue the p-value, in {@code [0, 1]}
 */
public record TestResult(double statistic, double pValue) {
  /**
   * Validates the components.
   *
   * @param statistic the statistic, not NaN
   * @param pValue the p-value, in {@code [0, 1]}
   */
  public TestResult {
    if (Double.isNaN(statistic)) {
      throw new IllegalArgumentException("statistic must not be NaN");
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
    }
  }
}
