package dev.mlops.core.data;

import dev.mlops.api.data.NumericColumn;
import dev.mlops.core.internal.ArrayBacked;
import java.util.BitSet;
import java.util.Objects;

/** A numeric column over a {@code double[]}; null rows hold {@code NaN}. */
final class ArrayNumericColumn extends AbstractColumn implements NumericColumn, ArrayBacked.Doubles {
  private final double[] values;
  private final boolean integral;

  ArrayNumericColumn(String name, double[] values, int size, BitSet nulls, boolean integral) {
    super(name, size, nulls);
    this.values = values;
    this.integral = integral;
  }

  @Override
  public double getDouble(int row) {
    Objects.checkIndex(row, size);
    return values[row];
  }

  @Override
  public boolean isIntegral() {
    return integral;
  }

  @Override
  public void copyTo(int from, double[] dest, int destPos, int length) {
    Objects.checkFromIndexSize(from, length, size);
    System.arraycopy(values, from, dest, destPos, length);
  }

  @Override
  public double[] backingDoubles() {
    return values;
  }
}
