package dev.mlops.core.data;

import dev.mlops.api.data.BooleanColumn;
import java.util.BitSet;
import java.util.Objects;

/** A boolean column over a bitset; null rows read as false. */
final class BitsetBooleanColumn extends AbstractColumn implements BooleanColumn {
  private final BitSet values;
  private final int trueCount;

  BitsetBooleanColumn(String name, BitSet values, int size, BitSet nulls) {
    super(name, size, nulls);
    this.values = values;
    this.trueCount = values.cardinality();
  }

  @Override
  public boolean getBoolean(int row) {
    Objects.checkIndex(row, size);
    return values.get(row);
  }

  @Override
  public int trueCount() {
    return trueCount;
  }
}
