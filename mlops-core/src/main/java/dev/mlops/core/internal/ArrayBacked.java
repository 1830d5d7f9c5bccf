package dev.mlops.core.internal;

import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.NumericColumn;

/**
 * Not public API. Gives core's scans the primitive array behind a column, to loop over it
 * without a call per value.
 */
public final class ArrayBacked {
  private ArrayBacked() {}

  /** A numeric column whose values live in a {@code double[]} (null rows hold {@code NaN}). */
  public interface Doubles {
    /** @return the backing array, not a copy; the first {@code size()} entries are the values */
    double[] backingDoubles();
  }

  /** A categorical column whose codes live in an {@code int[]} (null rows hold {@code -1}). */
  public interface Codes {
    /** @return the backing array, not a copy; the first {@code size()} entries are the codes */
    int[] backingCodes();
  }

  /**
   * Returns the values of a numeric column: the backing array when there is one, else a copy.
   *
   * @param column the column
   * @return its values; null rows hold {@code NaN}
   */
  public static double[] doubles(NumericColumn column) {
    return column instanceof Doubles d ? d.backingDoubles() : column.toDoubleArray();
  }

  /**
   * Returns the codes of a categorical column: the backing array when there is one, else a copy.
   *
   * @param column the column
   * @return its codes; null rows hold {@code -1}
   */
  public static int[] codes(CategoricalColumn column) {
    if (column instanceof Codes c) {
      return c.backingCodes();
    }
    int[] out = new int[column.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = column.code(i);
    }
    return out;
  }
}
