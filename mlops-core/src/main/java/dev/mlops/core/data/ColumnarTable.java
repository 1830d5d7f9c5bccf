package dev.mlops.core.data;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.Table;
import java.util.List;

/** The immutable {@link Table} of core: a list of columns of equal size with unique names. */
final class ColumnarTable implements Table {
  private final int rowCount;
  private final ImmutableList<Column> columns;
  private final ImmutableList<String> names;
  private final ImmutableMap<String, Column> byName;

  ColumnarTable(int rowCount, List<Column> columns) {
    this.rowCount = rowCount;
    this.columns = ImmutableList.copyOf(columns);
    this.names = this.columns.stream().map(Column::name).collect(ImmutableList.toImmutableList());
    ImmutableMap.Builder<String, Column> map = ImmutableMap.builderWithExpectedSize(columns.size());
    for (Column c : columns) {
      map.put(c.name(), c);
    }
    this.byName = map.buildOrThrow();
  }

  @Override
  public int rowCount() {
    return rowCount;
  }

  @Override
  public int columnCount() {
    return columns.size();
  }

  @Override
  public List<String> columnNames() {
    return names;
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public boolean hasColumn(String name) {
    return byName.containsKey(requireNonNull(name, "name"));
  }

  @Override
  public Column column(String name) {
    Column column = byName.get(requireNonNull(name, "name"));
    if (column == null) {
      throw new IllegalArgumentException("no column '" + name + "' in table; columns are " + names);
    }
    return column;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Table other)) {
      return false;
    }
    return rowCount == other.rowCount() && columns.equals(other.columns());
  }

  @Override
  public int hashCode() {
    return 31 * rowCount + columns.hashCode();
  }

  @Override
  public String toString() {
    return "Table[" + rowCount + " rows x " + columns.size() + " columns: " + names + "]";
  }

}
