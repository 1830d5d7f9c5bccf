package dev.mlops.api.gate;

import dev.mlops.api.common.Severity;
import java.util.Locale;
import java.util.Objects;

/**
 * What one criterion found.
 *
 * <pre>{@code
 * CriterionResult r = new CriterionResult("AUC floor", Metric.ROC_AUC, Severity.ERROR, Verdict.PASS,
 *     Measurement.of(0.81), "ROC_AUC >= 0.800000");
 * }</pre>
 *
 * @param name the criterion's name
 * @param metric the metric
 * @param severity the criterion's severity
 * @param verdict the outcome
 * @param measurement the candidate's value and, where computed, the baseline's value, the change's
 *     interval and the p-value
 * @param reason one line saying why
 */
public record CriterionResult(String name, Metric metric, Severity severity, Verdict verdict, Measurement measurement,
    String reason) {
  /**
   * Validates the components.
   *
   * @param name the name
   * @param metric the metric
   * @param severity the severity
   * @param verdict the verdict
   * @param measurement the measurement
   * @param reason the reason
   */
  public CriterionResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    Measurement m = measurement;
    String baseline = m.baseline().isPresent() && !Double.isNaN(m.baseline().getAsDouble())
        ? " (baseline " + fmt(m.baseline().getAsDouble()) + ")" : "";
    String interval = m.interval().map(i -> " change CI [" + fmt(i.lower()) + ", " + fmt(i.upper()) + "]").orElse("");
    String p = m.pValue().isPresent() ? " p=" + fmt(m.pValue().getAsDouble()) : "";
    return String.format(Locale.ROOT, "%-12s %s [%s] %s=%s%s%s%s: %s", verdict, name, severity, metric, fmt(m.value()),
        baseline, interval, p, reason);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.6g", v);
  }
}
