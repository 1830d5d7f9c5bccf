package dev.mlops.api.data;

import java.util.Objects;

/**
 * A column of {@code double} values, whole numbers only when {@link #isIntegral()}.
 *
 * <p>{@code NaN} and the infinities are values, distinct from null. A null row reads as
 * {@code NaN} from {@link #getDouble(int)}; use {@link #isNull(int)} to tell the two apart.
 */
public non-sealed interface NumericColumn extends Column {

  /**
   * Returns the value at {@code row}.
   *
   * @param row a row index in {@code [0, size())}
   * @return the value; {@code NaN} for a null row
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  double getDouble(int row);

  /**
   * Returns whether the column holds whole numbers only (its type is {@link ColumnType#INTEGRAL}).
   *
   * @return true for an integral column
   */
  boolean isIntegral();

  @Override
  default ColumnType type() {
    return isIntegral() ? ColumnType.INTEGRAL : ColumnType.NUMERIC;
  }

  /**
   * Copies {@code length} values starting at row {@code from} into {@code dest} at {@code destPos}.
   * Null rows copy as {@code NaN}.
   *
   * @param from first row to copy
   * @param dest the destination array
   * @param destPos first index written in {@code dest}
   * @param length number of values
   * @throws IndexOutOfBoundsException if a range is out of bounds
   * @throws NullPointerException if {@code dest} is null
   */
  default void copyTo(int from, double[] dest, int destPos, int length) {
    Objects.checkFromIndexSize(from, length, size());
    Objects.checkFromIndexSize(destPos, length, dest.length);
    for (int i = 0; i < length; i++) {
      dest[destPos + i] = getDouble(from + i);
    }
  }

  /**
   * Returns a fresh copy of all values; null rows are {@code NaN}.
   *
   * @return a new array of length {@link #size()}
   */
  default double[] toDoubleArray() {
    double[] out = new double[size()];
    copyTo(0, out, 0, out.length);
    return out;
  }

  @Override
  default Object get(int row) {
    return isNull(row) ? null : getDouble(row);
  }
}
