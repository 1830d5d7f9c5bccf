package dev.mlops.api.gate;

import dev.mlops.api.common.Severity;
import java.util.Locale;
import java.util.Objects;

/**
 * What one criterion found.
 *
 * @param name the criterion's name
 * @param metric the metric
 * @param severity the criterion's severity
 * @param verdict the outcome
 * @param value the candidate's metric value ({@code NaN} if undefined)
 * @param baseline the baseline's value, or {@code NaN} when the criterion has none
 * @param lower the lower end of the confidence interval of the change, or {@code NaN}
 * @param upper the upper end of the confidence interval of the change, or {@code NaN}
 * @param pValue the test's p-value, or {@code NaN}
 * @param reason one line saying why
 */
public record CriterionResult(String name, Metric metric, Severity severity, Verdict verdict, double value,
    double baseline, double lower, double upper, double pValue, String reason) {
  /**
   * Validates the components.
   *
   * @param name the name
   * @param metric the metric
   * @param severity the severity
   * @param verdict the verdict
   * @param value the value
   * @param baseline the baseline value
   * @param lower the interval's lower end
   * @param upper the interval's upper end
   * @param pValue the p-value
   * @param reason the reason
   */
  public CriterionResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%-12s %s [%s] %s=%s%s%s%s: %s", verdict, name, severity, metric, fmt(value),
        Double.isNaN(baseline) ? "" : " (baseline " + fmt(baseline) + ")",
        Double.isNaN(lower) ? "" : " change CI [" + fmt(lower) + ", " + fmt(upper) + "]",
        Double.isNaN(pValue) ? "" : " p=" + fmt(pValue), reason);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.6g", v);
  }
}
