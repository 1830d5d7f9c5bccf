package dev.mlops.api.data;

/** A column of {@code true}/{@code false} values. */
public non-sealed interface BooleanColumn extends Column {

  /**
   * Returns the value at {@code row}.
   *
   * @param row a row index in {@code [0, size())}
   * @return the value; {@code false} for a null row (use {@link #isNull(int)} to tell)
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  boolean getBoolean(int row);

  /**
   * Returns the number of non-null {@code true} values.
   *
   * @return the count of true values
   */
  int trueCount();

  @Override
  default ColumnType type() {
    return ColumnType.BOOLEAN;
  }

  @Override
  default Object get(int row) {
    return isNull(row) ? null : getBoolean(row);
  }
}
