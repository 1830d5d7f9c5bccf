package dev.mlops.core.data;

import dev.mlops.api.data.CategoricalColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends strings to a dictionary-encoded {@link CategoricalColumn}; single use. The dictionary
 * lists distinct values in order of first appearance.
 */
public final class CategoricalColumnBuilder {
  private final String name;
  private final Map<String, Integer> codesByValue = new HashMap<>();
  private final List<String> dictionary = new ArrayList<>();
  private int[] codes;
  private int size;
  private BitSet nulls;
  private boolean built;

  CategoricalColumnBuilder(String name, int expectedSize) {
    this.name = Columns.checkName(name);
    this.codes = new int[Math.max(16, expectedSize)];
  }

  /**
   * Appends a value, or a null when {@code value} is null.
   *
   * @param value the string or null
   * @return this builder
   */
  public CategoricalColumnBuilder add(String value) {
    checkNotBuilt();
    if (value == null) {
      return addNull();
    }
    Integer code = codesByValue.get(value);
    if (code == null) {
      code = dictionary.size();
      codesByValue.put(value, code);
      dictionary.add(value);
    }
    append(code);
    return this;
  }

  /**
   * Appends a null.
   *
   * @return this builder
   */
  public CategoricalColumnBuilder addNull() {
    checkNotBuilt();
    if (nulls == null) {
      nulls = new BitSet(codes.length);
    }
    nulls.set(size);
    append(CategoricalColumn.NULL_CODE);
    return this;
  }

  private void append(int code) {
    if (size == codes.length) {
      codes = Arrays.copyOf(codes, Columns.grownCapacity(codes.length));
    }
    codes[size++] = code;
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
  public CategoricalColumn build() {
    checkNotBuilt();
    built = true;
    int[] exact = codes.length == size ? codes : Arrays.copyOf(codes, size);
    codes = null;
    return new DictionaryCategoricalColumn(name, exact, size, Columns.compact(nulls), dictionary);
  }

  private void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("builder of column '" + name + "' was already built");
    }
  }
}
