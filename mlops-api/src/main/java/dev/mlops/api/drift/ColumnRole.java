package dev.mlops.api.drift;

/**
 * What a column is to a drift check. Roles are set per column in {@link DriftOptions}
 * ({@code DriftOptions.builder().role("customer_id", ColumnRole.IDENTIFIER).ignore("notes")}); a
 * column without one is a {@link #FEATURE}, except that the automatic rule of {@link DriftOptions}
 * makes timestamp columns {@link #TIMESTAMP}s and id-like columns {@link #IDENTIFIER}s.
 *
 * <p>Identifiers, timestamps and ignored columns are reported as not tested, with the reason, and
 * never count in the drift share; features, targets and predictions are tested, and a report shows
 * targets and predictions by their role. Schema validation is not affected: it checks every column.
 */
public enum ColumnRole {
  /** An input of the model: tested. The role to give a column the automatic rule would leave out. */
  FEATURE(true, "feature"),
  /** A key such as a customer or order id: every value is new, so it is not tested ("not tested: identifier"). */
  IDENTIFIER(false, "identifier"),
  /** An event or load time: it advances by nature, so it is not tested ("not tested: time"). */
  TIMESTAMP(false, "time"),
  /** The label the model learns: tested (label shift), and shown as the target in the report. */
  TARGET(true, "target"),
  /** The model's output: tested (prediction drift), and shown as the prediction in the report. */
  PREDICTION(true, "prediction"),
  /** Left out of the drift check ("not tested: ignored"). */
  IGNORED(false, "ignored");

  private final boolean tested;
  private final String label;

  ColumnRole(boolean tested, String label) {
    this.tested = tested;
    this.label = label;
  }

  /** @return whether a column of this role is tested for drift */
  public boolean tested() {
    return tested;
  }

  /**
   * Returns the role as a report words it: {@code "identifier"}, {@code "time"}, {@code "ignored"},
   * {@code "target"}, {@code "prediction"} or {@code "feature"}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }
}
