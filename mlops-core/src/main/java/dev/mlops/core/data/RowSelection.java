package dev.mlops.core.data;

import dev.mlops.api.data.BooleanColumn;
import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.data.TimestampColumn;
import java.util.BitSet;

/** Copies chosen rows of a table into a new one, column by column over primitive values. */
final class RowSelection {
  private RowSelection() {}

  static Table select(Table table, int[] rows) {
    int n = table.rowCount();
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= n) {
        throw new IndexOutOfBoundsException("rows[" + i + "] = " + rows[i] + " is not a row of a table with " + n
            + " rows");
      }
    }
    TableBuilder out = Tables.builder();
    for (Column c : table.columns()) {
      out.add(copy(c, rows));
    }
    return out.build();
  }

  static Table drop(Table table, int[] rows) {
    int n = table.rowCount();
    BitSet dropped = new BitSet(n);
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= n) {
        throw new IndexOutOfBoundsException("rows[" + i + "] = " + rows[i] + " is not a row of a table with " + n
            + " rows");
      }
      dropped.set(rows[i]);
    }
    int[] kept = new int[n - dropped.cardinality()];
    for (int i = dropped.nextClearBit(0), k = 0; i < n; i = dropped.nextClearBit(i + 1)) {
      kept[k++] = i;
    }
    return select(table, kept);
  }

  private static Column copy(Column c, int[] rows) {
    if (c instanceof NumericColumn num) {
      NumericColumnBuilder b = Columns.numericBuilder(c.name(), rows.length).integralIf(num.isIntegral());
      for (int r : rows) {
        if (num.isNull(r)) {
          b.addNull();
        } else {
          b.add(num.getDouble(r));
        }
      }
      return b.build();
    }
    if (c instanceof CategoricalColumn cat) {
      CategoricalColumnBuilder b = Columns.categoricalBuilder(c.name(), rows.length);
      for (int r : rows) {
        int code = cat.code(r);
        if (code < 0) {
          b.addNull();
        } else {
          b.add(cat.dictionaryValue(code));
        }
      }
      return b.build();
    }
    if (c instanceof BooleanColumn bool) {
      BooleanColumnBuilder b = Columns.booleanBuilder(c.name(), rows.length);
      for (int r : rows) {
        if (bool.isNull(r)) {
          b.addNull();
        } else {
          b.add(bool.getBoolean(r));
        }
      }
      return b.build();
    }
    TimestampColumn ts = (TimestampColumn) c;
    TimestampColumnBuilder b = Columns.timestampBuilder(c.name(), rows.length);
    for (int r : rows) {
      if (ts.isNull(r)) {
        b.addNull();
      } else {
        b.addEpochMicros(ts.getEpochMicros(r));
      }
    }
    return b.build();
  }
}
