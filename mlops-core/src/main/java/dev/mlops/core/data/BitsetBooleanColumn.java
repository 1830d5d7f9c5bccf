package dev.mlops.core.data;

import dev.mlops.api.data.BooleanColumn;
import java.util.Objects;

/** A boolean column over a bitset; null rows read as false. */
final class BitsetBooleanColumn extends AbstractColumn implements BooleanColumn {
  private final BitSet64 values;

  BitsetBooleanColumn(String name, BitSet64 values, int size, BitSet64 nulls) {
    super(name, size, nulls);
    this.values = values;
  }

  @Override
  public boolean getBoolean(int row) {
    Objects.checkIndex(row, size);
    return values.get(row);
  }

  @Override
  public int trueCount() {
    return values.cardinality();
  }
}
