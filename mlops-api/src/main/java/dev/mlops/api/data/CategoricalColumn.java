package dev.mlops.api.data;

import java.util.List;

/**
 * A column of strings, dictionary-encoded: each non-null row holds a code in
 * {@code [0, dictionarySize())} into a dictionary of distinct values.
 *
 * <p>Checks that depend only on the value (a domain, a pattern) can test each dictionary entry
 * once and then scan the integer codes.
 */
public non-sealed interface CategoricalColumn extends Column {

  /** The code of a null row. */
  int NULL_CODE = -1;

  /**
   * Returns the string at {@code row}.
   *
   * @param row a row index in {@code [0, size())}
   * @return the value, or null for a null row
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  String getString(int row);

  /**
   * Returns the dictionary code at {@code row}.
   *
   * @param row a row index in {@code [0, size())}
   * @return a code in {@code [0, dictionarySize())}, or {@link #NULL_CODE} for a null row
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  int code(int row);

  /**
   * Returns the number of distinct non-null values in the dictionary.
   *
   * @return the dictionary size
   */
  int dictionarySize();

  /**
   * Returns the dictionary entry for {@code code}.
   *
   * @param code a code in {@code [0, dictionarySize())}
   * @return the distinct value
   * @throws IndexOutOfBoundsException if {@code code} is out of range
   */
  String dictionaryValue(int code);

  /**
   * Returns the dictionary, indexed by code.
   *
   * @return an unmodifiable list of the distinct values, in order of first appearance unless the
   *     implementation documents otherwise
   */
  List<String> dictionary();

  @Override
  default ColumnType type() {
    return ColumnType.CATEGORICAL;
  }

  @Override
  default Object get(int row) {
    return getString(row);
  }
}
