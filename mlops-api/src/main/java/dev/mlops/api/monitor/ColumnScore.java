package dev.mlops.api.monitor;

import dev.mlops.api.drift.DriftMethod;
import java.util.Locale;
import java.util.Objects;

/**
 * A column's drift statistic for one window against the reference profile.
 *
 * <p>Whether the column {@linkplain #drifted() drifted} follows from the other components: with
 * {@link DriftMethod#KOLMOGOROV_SMIRNOV} the threshold is a significance level and the column drifted
 * when the p-value least favourable to drift is below it; with a distance (PSI, Jensen–Shannon,
 * Hellinger, total variation) the column drifted when the statistic is at least the threshold.
 *
 * <pre>{@code
 * for (ColumnScore s : report.checks().scores()) {
 *   if (s.drifted()) { alert(s.column() + " " + s.method() + " = " + s.statistic()); }
 * }
 * }</pre>
 *
 * @param column the column
 * @param method the method
 * @param statistic the statistic computed from the two profiles
 * @param errorBound how far the exact statistic may be from it (sketch error)
 * @param pValue the p-value at the bound least favourable to drift (Kolmogorov–Smirnov), or
 *     {@code NaN} for a distance
 * @param threshold the threshold (for Kolmogorov–Smirnov, the significance level), positive and finite
 */
public record ColumnScore(String column, DriftMethod method, double statistic, double errorBound, double pValue,
    double threshold) {

  /**
   * Validates the components.
   *
   * @param column the column
   * @param method the method
   * @param statistic the statistic
   * @param errorBound the error bound
   * @param pValue the p-value, or NaN
   * @param threshold the threshold
   * @throws NullPointerException if column or method is null
   * @throws IllegalArgumentException if the threshold is not positive and finite
   */
  public ColumnScore {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(method, "method");
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be positive and finite, was " + threshold);
    }
  }

  /** @return whether the column is judged drifted (see the class description) */
  public boolean drifted() {
    return method == DriftMethod.KOLMOGOROV_SMIRNOV ? pValue < threshold : statistic >= threshold;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s=%.4f (±%.4f)%s", column, method, statistic, errorBound,
        drifted() ? " DRIFTED" : "");
  }
}
