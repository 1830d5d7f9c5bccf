package dev.mlops.api.data;

import java.util.List;
import java.util.Optional;

/**
 * An immutable table: an ordered list of uniquely named {@link Column}s of equal length.
 *
 * <pre>{@code
 * Table table = Tables.readCsv(Path.of("loans.csv"));
 * NumericColumn amount = table.numeric("credit_amount");
 * CategoricalColumn purpose = table.categorical("purpose");
 * }</pre>
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface Table {

  /**
   * Returns the number of rows.
   *
   * @return the row count, {@code >= 0}
   */
  int rowCount();

  /**
   * Returns the number of columns.
   *
   * @return the column count, {@code >= 0}
   */
  int columnCount();

  /**
   * Returns the column names in table order.
   *
   * @return an unmodifiable list of unique names
   */
  List<String> columnNames();

  /**
   * Returns the columns in table order.
   *
   * @return an unmodifiable list
   */
  List<Column> columns();

  /**
   * Returns whether the table has a column called {@code name}.
   *
   * @param name a column name
   * @return true when such a column exists
   * @throws NullPointerException if {@code name} is null
   */
  boolean hasColumn(String name);

  /**
   * Returns the column called {@code name}, if there is one.
   *
   * @param name a column name
   * @return the column, or empty when the table has no such column
   * @throws NullPointerException if {@code name} is null
   */
  default Optional<Column> findColumn(String name) {
    return hasColumn(name) ? Optional.of(column(name)) : Optional.empty();
  }

  /**
   * Returns the column called {@code name}.
   *
   * @param name a column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column; the message lists the known names
   * @throws NullPointerException if {@code name} is null
   */
  Column column(String name);

  /**
   * Returns the column at {@code index}.
   *
   * @param index a column index in {@code [0, columnCount())}
   * @return the column
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   */
  default Column column(int index) {
    return columns().get(index);
  }

  /**
   * Returns the numeric column called {@code name}.
   *
   * @param name a column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column, or it is not numeric
   */
  default NumericColumn numeric(String name) {
    return typed(name, NumericColumn.class);
  }

  /**
   * Returns the categorical column called {@code name}.
   *
   * @param name a column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column, or it is not categorical
   */
  default CategoricalColumn categorical(String name) {
    return typed(name, CategoricalColumn.class);
  }

  /**
   * Returns the boolean column called {@code name}.
   *
   * @param name a column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column, or it is not boolean
   */
  default BooleanColumn bool(String name) {
    return typed(name, BooleanColumn.class);
  }

  /**
   * Returns the timestamp column called {@code name}.
   *
   * @param name a column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column, or it is not a timestamp column
   */
  default TimestampColumn timestamp(String name) {
    return typed(name, TimestampColumn.class);
  }

  private <C extends Column> C typed(String name, Class<C> kind) {
    Column column = column(name);
    if (!kind.isInstance(column)) {
      throw new IllegalArgumentException(
          "column '" + name + "' is " + column.type() + ", not a " + kind.getSimpleName());
    }
    return kind.cast(column);
  }
}
