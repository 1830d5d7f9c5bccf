package dev.mlops.api.drift;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of one drift method on one column, before any multiple-testing correction.
 *
 * @param method the method's name as reports show it: a built-in {@link DriftMethod}'s name
 *     ({@code "KOLMOGOROV_SMIRNOV"}) or a user's {@link DriftTest#name()}
 * @param builtInMethod the built-in method, or empty for a user's test
 * @param statistic the statistic or distance (never NaN)
 * @param pValue the p-value before any multiple-testing correction, or empty for a distance
 * @param threshold the significance level (p-value methods) or the distance from which a column drifted
 * @param sizes the numbers of values compared on each side (nulls, and NaN or infinities, excluded)
 */
public record DriftScore(String method, Optional<DriftMethod> builtInMethod, double statistic, OptionalDouble pValue,
    double threshold, SampleSizes sizes) {

  /**
   * The numbers of values a score compared.
   *
   * @param reference reference values compared, {@code >= 1}
   * @param current current values compared, {@code >= 1}
   */
  public record SampleSizes(long reference, long current) {

    /**
     * Validates the sizes.
     *
     * @param reference reference values
     * @param current current values
     * @throws IllegalArgumentException if a size is below 1
     */
    public SampleSizes {
      if (reference < 1 || current < 1) {
        throw new IllegalArgumentException("sizes must be >= 1, were " + reference + " and " + current);
      }
    }
  }

  /**
   * Validates the components.
   *
   * @param method the method's name
   * @param builtInMethod the built-in method or empty
   * @param statistic the statistic
   * @param pValue the p-value or empty
   * @param threshold the threshold
   * @param sizes the sample sizes
   * @throws IllegalArgumentException if the name does not match the built-in method (or names one
   *     while none is given), a p-value is present for a built-in distance or missing for a built-in
   *     test, or a number is out of range
   */
  public DriftScore {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(builtInMethod, "builtInMethod");
    Objects.requireNonNull(pValue, "pValue");
    Objects.requireNonNull(sizes, "sizes");
    if (builtInMethod.isPresent()) {
      DriftMethod m = builtInMethod.get();
      if (!method.equals(m.name())) {
        throw new IllegalArgumentException("method name '" + method + "' does not match the built-in method " + m);
      }
      if (m.hasPValue() != pValue.isPresent()) {
        throw new IllegalArgumentException(m + (m.hasPValue() ? ": a test needs a p-value"
            : ": a distance has no p-value, was " + pValue.getAsDouble()));
      }
    } else if (Arrays.stream(DriftMethod.values()).anyMatch(m -> m.name().equals(method))) {
      throw new IllegalArgumentException("'" + method + "' is the name of a built-in DriftMethod; a user's test"
          + " needs a name of its own");
    } else if (method.isBlank()) {
      throw new IllegalArgumentException("method name must not be blank");
    }
    if (Double.isNaN(statistic)) {
      throw new IllegalArgumentException(method + ": statistic must not be NaN");
    }
    if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(method + ": p-value must be in [0, 1], was " + pValue.getAsDouble());
    }
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
    }
  }

  /**
   * Returns whether the column drifted by this score alone, before correction: the p-value is below
   * the threshold, or (a distance) the statistic is at least the threshold.
   *
   * @return whether drifted
   */
  public boolean drifted() {
    return pValue.isPresent() ? pValue.getAsDouble() < threshold : statistic >= threshold;
  }
}
