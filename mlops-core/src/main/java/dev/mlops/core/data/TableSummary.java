package dev.mlops.core.data;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.BooleanColumn;
import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.data.TimestampColumn;
import dev.mlops.core.internal.Welford;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A one-pass descriptive summary of a table, one {@link ColumnSummary} per column, that prints as
 * an aligned text table.
 *
 * <pre>{@code
 * System.out.println(TableSummary.of(table));
 * }</pre>
 *
 * @param rowCount the table's row count
 * @param columns one summary per column, in table order
 */
public record TableSummary(int rowCount, List<ColumnSummary> columns) {

  /**
   * Validates and copies the components.
   *
   * @param rowCount the row count, {@code >= 0}
   * @param columns the column summaries
   */
  public TableSummary {
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must be >= 0, was " + rowCount);
    }
    columns = List.copyOf(requireNonNull(columns, "columns"));
  }

  /**
   * The summary of one column. Statistics that do not apply to the column's type are {@code NaN}
   * (doubles) or {@code -1} (counts).
   *
   * @param name the column name
   * @param type the column type
   * @param count non-null values
   * @param nullCount null values
   * @param nanCount {@code NaN} values (numeric columns)
   * @param infiniteCount infinite values (numeric columns)
   * @param mean mean of the finite values (numeric), share of true (boolean)
   * @param stddev sample standard deviation of the finite values (numeric)
   * @param min smallest finite value (numeric) or epoch microseconds (timestamp)
   * @param max largest finite value (numeric) or epoch microseconds (timestamp)
   * @param distinct distinct non-null values (categorical, boolean)
   * @param top most frequent value (categorical, boolean), null if none
   * @param topCount occurrences of {@code top}
   */
  public record ColumnSummary(
      String name,
      ColumnType type,
      int count,
      int nullCount,
      int nanCount,
      int infiniteCount,
      double mean,
      double stddev,
      double min,
      double max,
      int distinct,
      String top,
      int topCount) {

    /**
     * Validates the components.
     *
     * @param name the column name
     * @param type the column type
     * @param count non-null values
     * @param nullCount null values
     * @param nanCount NaN values
     * @param infiniteCount infinite values
     * @param mean the mean
     * @param stddev the standard deviation
     * @param min the minimum
     * @param max the maximum
     * @param distinct distinct values
     * @param top the most frequent value
     * @param topCount occurrences of the most frequent value
     */
    public ColumnSummary {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      if (count < 0 || nullCount < 0) {
        throw new IllegalArgumentException("counts must be >= 0, were " + count + " and " + nullCount);
      }
    }
  }

  /**
   * Summarises every column of {@code table} in one pass each.
   *
   * @param table the table
   * @return the summary
   */
  public static TableSummary of(Table table) {
    requireNonNull(table, "table");
    List<ColumnSummary> out = new ArrayList<>(table.columnCount());
    for (Column c : table.columns()) {
      out.add(summarize(c));
    }
    return new TableSummary(table.rowCount(), out);
  }

  private static ColumnSummary summarize(Column column) {
    int n = column.size();
    int nulls = column.nullCount();
    if (column instanceof NumericColumn num) {
      return numeric(num, n, nulls);
    }
    if (column instanceof CategoricalColumn cat) {
      int[] counts = new int[cat.dictionarySize()];
      for (int i = 0; i < n; i++) {
        int code = cat.code(i);
        if (code >= 0) {
          counts[code]++;
        }
      }
      int best = -1;
      int distinct = 0;
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] > 0) {
          distinct++;
          if (best < 0 || counts[k] > counts[best]) {
            best = k;
          }
        }
      }
      return new ColumnSummary(cat.name(), cat.type(), n - nulls, nulls, -1, -1, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, distinct, best < 0 ? null : cat.dictionaryValue(best), best < 0 ? 0 : counts[best]);
    }
    if (column instanceof BooleanColumn b) {
      int count = n - nulls;
      int trues = b.trueCount();
      int falses = count - trues;
      int distinct = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0);
      String top = count == 0 ? null : trues >= falses ? "true" : "false";
      return new ColumnSummary(b.name(), b.type(), count, nulls, -1, -1,
          count == 0 ? Double.NaN : (double) trues / count, Double.NaN, Double.NaN, Double.NaN,
          distinct, top, Math.max(trues, falses));
    }
    TimestampColumn t = (TimestampColumn) column;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (!t.isNull(i)) {
        long v = t.getEpochMicros(i);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    boolean any = n - nulls > 0;
    return new ColumnSummary(t.name(), t.type(), n - nulls, nulls, -1, -1, Double.NaN, Double.NaN,
        any ? min : Double.NaN, any ? max : Double.NaN, -1, null, 0);
  }

  private static ColumnSummary numeric(NumericColumn num, int n, int nulls) {
    int nan = 0;
    int inf = 0;
    Welford moments = new Welford();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean hasNulls = nulls > 0;
    for (int i = 0; i < n; i++) {
      if (hasNulls && num.isNull(i)) {
        continue;
      }
      double v = num.getDouble(i);
      if (Double.isNaN(v)) {
        nan++;
      } else if (Double.isInfinite(v)) {
        inf++;
      } else {
        moments.add(v);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return new ColumnSummary(num.name(), num.type(), n - nulls, nulls, nan, inf,
        moments.mean(), moments.sampleStddev(),
        moments.count() == 0 ? Double.NaN : min, moments.count() == 0 ? Double.NaN : max, -1, null, 0);
  }

  /**
   * Renders the summary as an aligned text table.
   *
   * @return the text
   */
  @Override
  public String toString() {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"column", "type", "count", "nulls", "NaN/inf", "mean", "std", "min", "max", "distinct", "top"});
    for (ColumnSummary c : columns) {
      boolean ts = c.type() == ColumnType.TIMESTAMP;
      lines.add(new String[] {
        c.name(), c.type().name(), Integer.toString(c.count()), Integer.toString(c.nullCount()),
        c.nanCount() < 0 ? "" : c.nanCount() + "/" + c.infiniteCount(),
        num(c.mean()), num(c.stddev()),
        ts ? time(c.min()) : num(c.min()), ts ? time(c.max()) : num(c.max()),
        c.distinct() < 0 ? "" : Integer.toString(c.distinct()),
        c.top() == null ? "" : c.top() + " (" + c.topCount() + ")"});
    }
    int[] widths = new int[lines.get(0).length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].codePointCount(0, line[i].length()));
      }
    }
    StringBuilder sb = new StringBuilder().append(rowCount).append(" rows x ").append(columns.size())
        .append(" columns\n");
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        sb.append(line[i]);
        if (i < line.length - 1) {
          sb.append(" ".repeat(widths[i] - line[i].codePointCount(0, line[i].length()) + 2));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String time(double micros) {
    if (Double.isNaN(micros)) {
      return "";
    }
    long m = (long) micros;
    return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L).toString();
  }
}
