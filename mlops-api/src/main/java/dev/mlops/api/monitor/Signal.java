package dev.mlops.api.monitor;

import java.util.Objects;

/**
 * One reason a {@link DriftEvent} fired.
 *
 * @param kind what kind of check fired
 * @param column the column it concerns, or an empty string for the whole window or model
 * @param statistic the statistic or rule, such as {@code "PSI"} or {@code "NULL_FRACTION"}
 * @param value the statistic's value (NaN when the check has no number)
 * @param threshold the threshold it crossed (NaN when the check has none)
 * @param detail one human-readable line
 */
public record Signal(Kind kind, String column, String statistic, double value, double threshold, String detail) {

  /** What fired. */
  public enum Kind {
    /** A feature's window distribution moved away from the reference profile. */
    FEATURE_DRIFT,
    /** The prediction (score) distribution moved away from the reference profile. */
    PREDICTION_DRIFT,
    /** The window's profile broke an ERROR constraint of the schema. */
    SCHEMA_VIOLATION,
    /** The label-free performance estimate fell below its floor. */
    PERFORMANCE_ESTIMATE,
    /** The streaming detector fed with the error signal from late labels reached DRIFT. */
    CONCEPT_DRIFT
  }

  /**
   * Validates the components.
   *
   * @param kind the kind
   * @param column the column
   * @param statistic the statistic
   * @param value the value
   * @param threshold the threshold
   * @param detail the detail
   * @throws NullPointerException if kind, column, statistic or detail is null
   */
  public Signal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + (column.isEmpty() ? "" : " '" + column + "'") + ": " + detail;
  }
}
