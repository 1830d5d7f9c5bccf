package dev.mlops.api.drift;

import java.util.OptionalDouble;

/**
 * What a {@link DriftTest} measures on two columns: a statistic (or a distance) and, for a test
 * with one, its p-value.
 *
 * <pre>{@code
 * return DriftStatistic.distance(Math.abs(medianOf(current) - medianOf(reference)));
 * return DriftStatistic.withPValue(u, p);
 * }</pre>
 *
 * @param value the statistic or distance, never NaN
 * @param pValue the p-value, in {@code [0, 1]}, or empty for a distance
 */
public record DriftStatistic(double value, OptionalDouble pValue) {

  /**
   * Validates the components.
   *
   * @param value the statistic or distance
   * @param pValue the p-value or empty
   * @throws IllegalArgumentException if the value is NaN or the p-value outside {@code [0, 1]}
   */
  public DriftStatistic {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("statistic must not be NaN");
    }
    if (pValue == null) {
      throw new NullPointerException("pValue");
    }
    if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("p-value must be in [0, 1], was " + pValue.getAsDouble());
    }
  }

  /**
   * A distance: the column drifted when it is at least the test's threshold.
   *
   * @param distance the distance, never NaN
   * @return the statistic
   */
  public static DriftStatistic distance(double distance) {
    return new DriftStatistic(distance, OptionalDouble.empty());
  }

  /**
   * A test statistic with its p-value: the column drifted when the p-value, after the report's
   * multiple-testing correction, is below the test's threshold.
   *
   * @param statistic the statistic, never NaN
   * @param pValue the p-value, in {@code [0, 1]}
   * @return the statistic
   */
  public static DriftStatistic withPValue(double statistic, double pValue) {
    return new DriftStatistic(statistic, OptionalDouble.of(pValue));
  }
}
