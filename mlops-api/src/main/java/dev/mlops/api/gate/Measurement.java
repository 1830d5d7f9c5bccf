package dev.mlops.api.gate;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The numbers behind a {@link CriterionResult}: the candidate's metric value and, when the
 * criterion computed them, the baseline's value, the confidence interval of the change and a
 * p-value.
 *
 * <pre>{@code
 * Measurement m = Measurement.of(0.81).withBaseline(0.79).withInterval(-0.004, 0.043);
 * }</pre>
 *
 * @param value the candidate's metric value ({@code NaN} when the metric is undefined on its rows)
 * @param baseline the baseline's value ({@code NaN} when undefined on its rows), if the criterion
 *     compared with one
 * @param interval the confidence interval of the change (candidate against baseline, or a slice
 *     against the whole set), if the criterion computed one
 * @param pValue the p-value of the criterion's test, in [0, 1], if it ran one
 */
public record Measurement(double value, OptionalDouble baseline, Optional<Interval> interval, OptionalDouble pValue) {

  /**
   * A confidence interval.
   *
   * @param lower the lower end
   * @param upper the upper end, {@code >= lower}
   */
  public record Interval(double lower, double upper) {
    /**
     * Validates the components.
     *
     * @param lower the lower end, not NaN
     * @param upper the upper end, not NaN and {@code >= lower}
     * @throws IllegalArgumentException if an end is NaN or {@code lower > upper}
     */
    public Interval {
      if (!(lower <= upper)) {
        throw new IllegalArgumentException("an interval needs lower <= upper, was [" + lower + ", " + upper + "]");
      }
    }
  }

  /**
   * Validates the components.
   *
   * @param value the value
   * @param baseline the baseline's value, if any
   * @param interval the interval, if any
   * @param pValue the p-value, if any, in [0, 1]
   * @throws IllegalArgumentException if the p-value is outside [0, 1]
   */
  public Measurement {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(pValue, "pValue");
    if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue.getAsDouble());
    }
  }

  /**
   * Returns a measurement of the candidate's value alone.
   *
   * @param value the candidate's metric value, {@code NaN} when undefined
   * @return the measurement
   */
  public static Measurement of(double value) {
    return new Measurement(value, OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty());
  }

  /**
   * Returns a copy with the baseline's value.
   *
   * @param baseline the baseline's value, {@code NaN} when undefined on its rows
   * @return a new measurement
   */
  public Measurement withBaseline(double baseline) {
    return new Measurement(value, OptionalDouble.of(baseline), interval, pValue);
  }

  /**
   * Returns a copy with the confidence interval of the change.
   *
   * @param lower the lower end
   * @param upper the upper end
   * @return a new measurement
   * @throws IllegalArgumentException if an end is NaN or {@code lower > upper}
   */
  public Measurement withInterval(double lower, double upper) {
    return new Measurement(value, baseline, Optional.of(new Interval(lower, upper)), pValue);
  }

  /**
   * Returns a copy with a p-value.
   *
   * @param pValue the p-value, in [0, 1]
   * @return a new measurement
   * @throws IllegalArgumentException if the p-value is outside [0, 1]
   */
  public Measurement withPValue(double pValue) {
    return new Measurement(value, baseline, interval, OptionalDouble.of(pValue));
  }
}
