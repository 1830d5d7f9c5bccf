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
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A one-pass descriptive summary of a table, one {@link ColumnSummary} per column, that prints as
 * an aligned text table.
 *
 * <pre>{@code
 * TableSummary summary = TableSummary.of(table);
 * System.out.println(summary);
 * if (summary.column("income").stats() instanceof TableSummary.NumericStats income) {
 *   OptionalDouble mean = income.mean();
 * }
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
   * Returns the summary of a column.
   *
   * @param name the column name
   * @return its summary, or empty when the table has no such column
   */
  public Optional<ColumnSummary> findColumn(String name) {
    requireNonNull(name, "name");
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * Returns the summary of a column that must exist.
   *
   * @param name the column name
   * @return its summary
   * @throws IllegalArgumentException if there is no such column; the message lists the known names
   */
  public ColumnSummary column(String name) {
    return findColumn(name).orElseThrow(() -> new IllegalArgumentException("no column '" + name
        + "' in the summary; columns are " + columns.stream().map(ColumnSummary::name).toList()));
  }

  /**
   * The summary of one column: its counts, and the statistics of its kind.
   *
   * @param name the column name
   * @param type the column type
   * @param count non-null values
   * @param nullCount null values
   * @param stats the statistics of the column's kind ({@link NumericStats} for
   *     {@link ColumnType#INTEGRAL} and {@link ColumnType#NUMERIC} columns)
   */
  public record ColumnSummary(String name, ColumnType type, int count, int nullCount, Stats stats) {

    /**
     * Validates the components.
     *
     * @param name the column name
     * @param type the column type
     * @param count non-null values, {@code >= 0}
     * @param nullCount null values, {@code >= 0}
     * @param stats the statistics, of the kind that matches {@code type}
     */
    public ColumnSummary {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      requireNonNull(stats, "stats");
      if (count < 0 || nullCount < 0) {
        throw new IllegalArgumentException("counts must be >= 0, were " + count + " and " + nullCount);
      }
      boolean matches = switch (type) {
        case INTEGRAL, NUMERIC -> stats instanceof NumericStats;
        case CATEGORICAL -> stats instanceof CategoricalStats;
        case BOOLEAN -> stats instanceof BooleanStats;
        case TIMESTAMP -> stats instanceof TimestampStats;
      };
      if (!matches) {
        throw new IllegalArgumentException("a " + type + " column cannot have " + stats.getClass().getSimpleName());
      }
    }
  }

  /** The statistics of one kind of column. */
  public sealed interface Stats permits NumericStats, CategoricalStats, BooleanStats, TimestampStats {}

  /**
   * Statistics of a numeric column; moments and extremes are over the finite values.
   *
   * @param nanCount {@code NaN} values
   * @param infiniteCount infinite values
   * @param mean the mean, empty without a finite value
   * @param stddev the sample standard deviation (n - 1 in the denominator), empty with fewer than
   *     two finite values
   * @param min the smallest finite value, empty without one
   * @param max the largest finite value, empty without one
   */
  public record NumericStats(int nanCount, int infiniteCount, OptionalDouble mean, OptionalDouble stddev,
      OptionalDouble min, OptionalDouble max) implements Stats {
    /**
     * Validates the components.
     *
     * @param nanCount NaN values, {@code >= 0}
     * @param infiniteCount infinite values, {@code >= 0}
     * @param mean the mean
     * @param stddev the standard deviation
     * @param min the minimum
     * @param max the maximum
     */
    public NumericStats {
      if (nanCount < 0 || infiniteCount < 0) {
        throw new IllegalArgumentException("counts must be >= 0, were " + nanCount + " and " + infiniteCount);
      }
      requireNonNull(mean, "mean");
      requireNonNull(stddev, "stddev");
      requireNonNull(min, "min");
      requireNonNull(max, "max");
    }
  }

  /**
   * Statistics of a categorical column.
   *
   * @param distinct distinct non-null values
   * @param top the most frequent value, empty without a non-null value
   */
  public record CategoricalStats(int distinct, Optional<Top> top) implements Stats {
    /**
     * Validates the components.
     *
     * @param distinct distinct values, {@code >= 0}
     * @param top the most frequent value
     */
    public CategoricalStats {
      if (distinct < 0) {
        throw new IllegalArgumentException("distinct must be >= 0, was " + distinct);
      }
      requireNonNull(top, "top");
    }
  }

  /**
   * Statistics of a boolean column.
   *
   * @param trueCount non-null {@code true} values
   * @param falseCount non-null {@code false} values
   */
  public record BooleanStats(int trueCount, int falseCount) implements Stats {
    /**
     * Validates the components.
     *
     * @param trueCount true values, {@code >= 0}
     * @param falseCount false values, {@code >= 0}
     */
    public BooleanStats {
      if (trueCount < 0 || falseCount < 0) {
        throw new IllegalArgumentException("counts must be >= 0, were " + trueCount + " and " + falseCount);
      }
    }

    /** @return the share of true among the non-null values, empty without one */
    public OptionalDouble trueShare() {
      int n = trueCount + falseCount;
      return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) trueCount / n);
    }

    /** @return how many of {@code true} and {@code false} occur: 0, 1 or 2 */
    public int distinct() {
      return (trueCount > 0 ? 1 : 0) + (falseCount > 0 ? 1 : 0);
    }

    /** @return the more frequent value ({@code "true"} on a tie), empty without a non-null value */
    public Optional<Top> top() {
      if (trueCount + falseCount == 0) {
        return Optional.empty();
      }
      return Optional.of(trueCount >= falseCount ? new Top("true", trueCount) : new Top("false", falseCount));
    }
  }

  /**
   * Statistics of a timestamp column.
   *
   * @param min the earliest instant, empty without a non-null value
   * @param max the latest instant, empty without a non-null value
   */
  public record TimestampStats(Optional<Instant> min, Optional<Instant> max) implements Stats {
    /**
     * Validates the components.
     *
     * @param min the earliest instant
     * @param max the latest instant
     */
    public TimestampStats {
      requireNonNull(min, "min");
      requireNonNull(max, "max");
    }
  }

  /**
   * The most frequent value of a column and how often it occurs.
   *
   * @param value the value
   * @param count its occurrences, {@code >= 1}
   */
  public record Top(String value, int count) {
    /**
     * Validates the components.
     *
     * @param value the value
     * @param count its occurrences
     */
    public Top {
      requireNonNull(value, "value");
      if (count < 1) {
        throw new IllegalArgumentException("count must be >= 1, was " + count);
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
      return new ColumnSummary(num.name(), num.type(), n - nulls, nulls, numeric(num, n, nulls));
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
      Optional<Top> top = best < 0 ? Optional.empty() : Optional.of(new Top(cat.dictionaryValue(best), counts[best]));
      return new ColumnSummary(cat.name(), cat.type(), n - nulls, nulls, new CategoricalStats(distinct, top));
    }
    if (column instanceof BooleanColumn b) {
      int count = n - nulls;
      int trues = b.trueCount();
      return new ColumnSummary(b.name(), b.type(), count, nulls, new BooleanStats(trues, count - trues));
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
    TimestampStats stats = any ? new TimestampStats(Optional.of(instant(min)), Optional.of(instant(max)))
        : new TimestampStats(Optional.empty(), Optional.empty());
    return new ColumnSummary(t.name(), t.type(), n - nulls, nulls, stats);
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static NumericStats numeric(NumericColumn num, int n, int nulls) {
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
    long k = moments.count();
    return new NumericStats(nan, inf,
        k == 0 ? OptionalDouble.empty() : OptionalDouble.of(moments.mean()),
        k < 2 ? OptionalDouble.empty() : OptionalDouble.of(moments.sampleStddev()),
        k == 0 ? OptionalDouble.empty() : OptionalDouble.of(min),
        k == 0 ? OptionalDouble.empty() : OptionalDouble.of(max));
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
      String[] line = {c.name(), c.type().name(), Integer.toString(c.count()), Integer.toString(c.nullCount()),
          "", "", "", "", "", "", ""};
      if (c.stats() instanceof NumericStats x) {
        line[4] = x.nanCount() + "/" + x.infiniteCount();
        line[5] = num(x.mean());
        line[6] = num(x.stddev());
        line[7] = num(x.min());
        line[8] = num(x.max());
      } else if (c.stats() instanceof CategoricalStats x) {
        line[9] = Integer.toString(x.distinct());
        line[10] = top(x.top());
      } else if (c.stats() instanceof BooleanStats x) {
        line[5] = num(x.trueShare());
        line[9] = Integer.toString(x.distinct());
        line[10] = top(x.top());
      } else if (c.stats() instanceof TimestampStats x) {
        line[7] = x.min().map(Instant::toString).orElse("");
        line[8] = x.max().map(Instant::toString).orElse("");
      }
      lines.add(line);
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

  private static String num(OptionalDouble value) {
    if (value.isEmpty()) {
      return "";
    }
    double v = value.getAsDouble();
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String top(Optional<Top> top) {
    return top.map(t -> t.value() + " (" + t.count() + ")").orElse("");
  }
}
