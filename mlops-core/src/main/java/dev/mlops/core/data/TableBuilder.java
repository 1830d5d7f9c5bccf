package dev.mlops.core.data;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link Table} from columns; obtained from {@link Tables#builder()}.
 *
 * <pre>{@code
 * Table table = Tables.builder()
 *     .numeric("income", 52_000, 61_500)
 *     .categorical("city", "Lyon", "Zürich")
 *     .build();
 * }</pre>
 */
public final class TableBuilder {
  private final Map<String, Column> columns = new LinkedHashMap<>();

  TableBuilder() {}

  /**
   * Adds a column.
   *
   * @param column the column
   * @return this builder
   * @throws IllegalArgumentException if a column with the same name was added, or the column's
   *     size differs from the columns added before
   */
  public TableBuilder add(Column column) {
    requireNonNull(column, "column");
    if (columns.containsKey(column.name())) {
      throw new IllegalArgumentException("duplicate column name '" + column.name() + "'");
    }
    if (!columns.isEmpty()) {
      Column first = columns.values().iterator().next();
      if (first.size() != column.size()) {
        throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
            + " rows but column '" + first.name() + "' has " + first.size());
      }
    }
    columns.put(column.name(), column);
    return this;
  }

  /**
   * Adds a numeric column with no nulls.
   *
   * @param name the column name
   * @param values the values
   * @return this builder
   */
  public TableBuilder numeric(String name, double... values) {
    return add(Columns.numeric(name, values));
  }

  /**
   * Adds an integral column with no nulls.
   *
   * @param name the column name
   * @param values the values
   * @return this builder
   */
  public TableBuilder integral(String name, long... values) {
    return add(Columns.integral(name, values));
  }

  /**
   * Adds a categorical column; null elements are nulls.
   *
   * @param name the column name
   * @param values the values
   * @return this builder
   */
  public TableBuilder categorical(String name, String... values) {
    return add(Columns.categorical(name, values));
  }

  /**
   * Adds a boolean column with no nulls.
   *
   * @param name the column name
   * @param values the values
   * @return this builder
   */
  public TableBuilder bool(String name, boolean... values) {
    return add(Columns.bool(name, values));
  }

  /**
   * Adds a timestamp column; null elements are nulls.
   *
   * @param name the column name
   * @param values the instants
   * @return this builder
   */
  public TableBuilder timestamp(String name, Instant... values) {
    return add(Columns.timestamp(name, values));
  }

  /**
   * Builds the table. A table without columns has zero rows.
   *
   * @return an immutable table
   */
  public Table build() {
    List<Column> list = new ArrayList<>(columns.values());
    int rows = list.isEmpty() ? 0 : list.get(0).size();
    return new ColumnarTable(rows, list);
  }
}
