package dev.mlops.api.data;

/**
 * One named, typed column of a {@link Table}: a sequence of {@link #size()} values, each of which
 * may be null.
 *
 * <p>The four permitted kinds are the only ones: code that handles a column switches over them
 * with {@code instanceof} and is complete.
 *
 * <pre>{@code
 * if (column instanceof NumericColumn numeric) {
 *   double sum = 0;
 *   for (int i = 0; i < numeric.size(); i++) {
 *     if (!numeric.isNull(i)) sum += numeric.getDouble(i);
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, BooleanColumn, TimestampColumn {

  /**
   * Returns the column's name, unique within its table.
   *
   * @return the name, never null; may be any non-empty string, unicode included
   */
  String name();

  /**
   * Returns the column's logical type.
   *
   * @return the type
   */
  ColumnType type();

  /**
   * Returns the number of values (the table's row count).
   *
   * @return the number of rows, {@code >= 0}
   */
  int size();

  /**
   * Returns whether the value at {@code row} is missing.
   *
   * @param row a row index in {@code [0, size())}
   * @return true when the value is null
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  boolean isNull(int row);

  /**
   * Returns the number of null values.
   *
   * @return the null count, in {@code [0, size()]}
   */
  int nullCount();

  /**
   * Returns the value at {@code row} as an object, for display and generic code (not for hot
   * loops): a {@code Double}, {@code String}, {@code Boolean} or {@code java.time.Instant}, or
   * null when the value is null.
   *
   * @param row a row index in {@code [0, size())}
   * @return the boxed value, or null
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  Object get(int row);
}
