package dev.mlops.api.data;

/**
 * The logical type of a column.
 *
 * <p>{@link #INTEGRAL} and {@link #NUMERIC} columns are both {@link NumericColumn}s (stored as
 * {@code double}); an integral column holds only whole numbers, which are exact up to
 * 2<sup>53</sup> in magnitude.
 */
public enum ColumnType {
  /** Whole numbers, stored as {@code double}, in a {@link NumericColumn} whose {@code isIntegral()} is true. */
  INTEGRAL,
  /** Real numbers (including {@code NaN} and the infinities), in a {@link NumericColumn}. */
  NUMERIC,
  /** Strings, dictionary-encoded, in a {@link CategoricalColumn}. */
  CATEGORICAL,
  /** {@code true}/{@code false}, in a {@link BooleanColumn}. */
  BOOLEAN,
  /** Instants with microsecond precision, in a {@link TimestampColumn}. */
  TIMESTAMP;

  /**
   * Returns whether values of this type are numbers ({@link #INTEGRAL} or {@link #NUMERIC}).
   *
   * @return true for the two numeric types
   */
  public boolean isNumeric() {
    return this == INTEGRAL || this == NUMERIC;
  }
}
