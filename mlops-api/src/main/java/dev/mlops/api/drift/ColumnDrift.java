package dev.mlops.api.drift;

import dev.mlops.api.data.ColumnType;
import java.util.Objects;

/**
 * One column's line in a {@link DriftReport}.
 *
 * @param column the column name
 * @param type the column type
 * @param score the method's score, or null when the column could not be tested (see {@code note})
 * @param adjustedPValue the p-value after the report's multiple-testing correction, or {@code NaN}
 * @param drifted whether the column drifted, after correction
 * @param effect the Jensen-Shannon distance between the two distributions (numeric columns on
 *     reference-quantile bins), in {@code [0, 1]}: the common scale columns are ranked by; {@code NaN}
 *     when not tested
 * @param referenceNullFraction the reference's share of nulls
 * @param currentNullFraction the current sample's share of nulls
 * @param note why the column was not tested, or what else to know; empty otherwise
 */
public record ColumnDrift(String column, ColumnType type, DriftScore score, double adjustedPValue, boolean drifted,
    double effect, double referenceNullFraction, double currentNullFraction, String note) {

  /**
   * Validates the components.
   *
   * @param column the column name
   * @param type the type
   * @param score the score or null
   * @param adjustedPValue the corrected p-value or NaN
   * @param drifted whether drifted
   * @param effect the effect size or NaN
   * @param referenceNullFraction reference null share
   * @param currentNullFraction current null share
   * @param note a note
   */
  public ColumnDrift {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(note, "note");
    if (score == null && drifted) {
      throw new IllegalArgumentException("column '" + column + "' was not tested and cannot have drifted");
    }
  }

  /** @return whether the column was tested */
  public boolean tested() {
    return score != null;
  }
}
