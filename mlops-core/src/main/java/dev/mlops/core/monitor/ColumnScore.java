package dev.mlops.core.monitor;

import dev.mlops.api.drift.DriftMethod;
import java.util.Locale;
import java.util.Objects;

/**
 * A column's drift statistic for one window against the reference profile.
 *
 * @param column the column
 * @param method the method
 * @param statistic the statistic computed from the two profiles
 * @param errorBound how far the exact statistic may be from it (sketch error)
 * @param pValue the p-value at the bound least favourable to drift (KS), else NaN
 * @param threshold the threshold (for KS, the significance level)
 * @param drifted whether the column is judged drifted
 */
public record ColumnScore(String column, DriftMethod method, double statistic, double errorBound, double pValue,
    double threshold, boolean drifted) {

  /**
   * Validates the components.
   *
   * @param column the column
   * @param method the method
   * @param statistic the statistic
   * @param errorBound the error bound
   * @param pValue the p-value
   * @param threshold the threshold
   * @param drifted whether drifted
   */
  public ColumnScore {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(method, "method");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s=%.4f (±%.4f)%s", column, method, statistic, errorBound,
        drifted ? " DRIFTED" : "");
  }
}
