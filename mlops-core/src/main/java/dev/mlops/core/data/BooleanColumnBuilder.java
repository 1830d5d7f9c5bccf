package dev.mlops.core.data;

import dev.mlops.api.data.BooleanColumn;
import java.util.BitSet;

/** Appends values to a {@link BooleanColumn}; single use. */
public final class BooleanColumnBuilder {
  private final String name;
  private final BitSet values;
  private BitSet nulls;
  private int size;
  private boolean built;

  BooleanColumnBuilder(String name, int expectedSize) {
    this.name = Columns.checkName(name);
    this.values = new BitSet(Math.max(64, expectedSize));
  }

  /**
   * Appends a value.
   *
   * @param value the value
   * @return this builder
   */
  public BooleanColumnBuilder add(boolean value) {
    checkNotBuilt();
    if (value) {
      values.set(size);
    }
    size++;
    return this;
  }

  /**
   * Appends a null.
   *
   * @return this builder
   */
  public BooleanColumnBuilder addNull() {
    checkNotBuilt();
    if (nulls == null) {
      nulls = new BitSet(Math.max(64, size + 1));
    }
    nulls.set(size);
    size++;
    return this;
  }

  /**
   * Appends a value, or a null when {@code value} is null.
   *
   * @param value the value or null
   * @return this builder
   */
  public BooleanColumnBuilder addNullable(Boolean value) {
    return value == null ? addNull() : add(value);
  }

  /**
   * Returns the number of values appended so far.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Builds the column.
   *
   * @return the column
   * @throws IllegalStateException if already built
   */
  public BooleanColumn build() {
    checkNotBuilt();
    built = true;
    return new BitsetBooleanColumn(name, Columns.compact(values), size, Columns.compact(nulls));
  }

  private void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("builder of column '" + name + "' was already built");
    }
  }
}
