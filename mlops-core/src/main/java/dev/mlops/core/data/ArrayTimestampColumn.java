package dev.mlops.core.data;

import dev.mlops.api.data.TimestampColumn;
import java.util.BitSet;
import java.util.Objects;

/** A timestamp column over a {@code long[]} of epoch microseconds; null rows hold 0. */
final class ArrayTimestampColumn extends AbstractColumn implements TimestampColumn {
  private final long[] micros;

  ArrayTimestampColumn(String name, long[] micros, int size, BitSet nulls) {
    super(name, size, nulls);
    this.micros = micros;
  }

  @Override
  public long getEpochMicros(int row) {
    Objects.checkIndex(row, size);
    return micros[row];
  }
}
