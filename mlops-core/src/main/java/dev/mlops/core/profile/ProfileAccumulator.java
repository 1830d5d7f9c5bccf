package dev.mlops.core.profile;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.TableProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Builds a {@link TableProfile} one row at a time, for streams that never form a table: a serving
 * monitor keeps one per window. Memory is bounded whatever the stream length: per numeric column
 * a KLL sketch (k = 200, a few KB), per categorical column a frequent-items map (256 entries), an
 * HLL sketch (lgK 12) and exact counts of up to 1,024 distinct values that go into the sketches in
 * bulk.
 *
 * <pre>{@code
 * ProfileAccumulator acc = ProfileAccumulator.like(referenceProfile);
 * int age = acc.columnIndex("age");
 * acc.add(age, 42.0);
 * acc.add(acc.columnIndex("purpose"), "car");
 * acc.endRow();                       // columns given no value in a row count as null
 * TableProfile window = acc.toProfile();
 * }</pre>
 *
 * <p>The profile it builds is the one {@link Profiles#of} builds from the same rows (moments with
 * the same single-pass Welford update; quantiles within the sketch's rank error). Not thread-safe:
 * use one per thread, or guard it, and merge the snapshots with {@link Profiles#merge}.
 */
public final class ProfileAccumulator {
  private final String[] names;
  private final ColumnType[] types;
  private final boolean[] numeric;
  private final Map<String, Integer> index;
  private final long[] nonNull;
  private final long[] nans;
  private final long[] infinities;
  private final double[] mean;
  private final double[] m2;
  private final double[] min;
  private final double[] max;
  private final KllDoublesSketch[] quantiles;
  private final List<ItemsSketch<String>> items;
  private final HllSketch[] distinct;
  private final List<Map<String, long[]>> pendingCounts;
  private long rows;

  /** Distinct values counted exactly per categorical column before they go into the sketches. */
  static final int BUFFERED_DISTINCT = 1024;

  private ProfileAccumulator(Map<String, ColumnType> columns) {
    int n = columns.size();
    names = columns.keySet().toArray(new String[0]);
    types = columns.values().toArray(new ColumnType[0]);
    numeric = new boolean[n];
    index = new HashMap<>(n * 2);
    nonNull = new long[n];
    nans = new long[n];
    infinities = new long[n];
    mean = new double[n];
    m2 = new double[n];
    min = new double[n];
    max = new double[n];
    quantiles = new KllDoublesSketch[n];
    items = new ArrayList<>(n);
    distinct = new HllSketch[n];
    pendingCounts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      index.put(names[i], i);
      numeric[i] = types[i].isNumeric() || types[i] == ColumnType.TIMESTAMP;
      min[i] = Double.POSITIVE_INFINITY;
      max[i] = Double.NEGATIVE_INFINITY;
      if (numeric[i]) {
        quantiles[i] = KllDoublesSketch.newHeapInstance(NumericColumnProfile.K);
        items.add(null);
        pendingCounts.add(null);
      } else {
        items.add(new ItemsSketch<>(CategoricalColumnProfile.MAP_SIZE));
        distinct[i] = new HllSketch(CategoricalColumnProfile.LG_K);
        pendingCounts.add(new HashMap<>());
      }
    }
  }

  /**
   * Creates an accumulator for the given columns.
   *
   * @param columns column names to types, in order
   * @return an empty accumulator
   * @throws IllegalArgumentException if there are no columns or a name is blank
   */
  public static ProfileAccumulator of(Map<String, ColumnType> columns) {
    requireNonNull(columns, "columns");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("an accumulator needs at least one column");
    }
    columns.forEach((name, type) -> {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("column names must not be null or blank, got " + columns.keySet());
      }
      requireNonNull(type, () -> "type of column '" + name + "'");
    });
    return new ProfileAccumulator(new LinkedHashMap<>(columns));
  }

  /**
   * Creates an accumulator with the same columns and types as a profile (for instance a reference).
   *
   * @param template the profile whose columns to use
   * @return an empty accumulator
   */
  public static ProfileAccumulator like(TableProfile template) {
    requireNonNull(template, "template");
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    for (ColumnProfile c : template.columns()) {
      columns.put(c.name(), c.type());
    }
    return of(columns);
  }

  /** @return the number of columns */
  public int columnCount() {
    return names.length;
  }

  /**
   * Returns a column's position.
   *
   * @param name the column name
   * @return its index
   * @throws IllegalArgumentException if there is no such column
   */
  public int columnIndex(String name) {
    requireNonNull(name, "name");
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no column '" + name + "'; columns are " + List.of(names));
    }
    return i;
  }

  /**
   * Returns a column's type.
   *
   * @param column the column index
   * @return its type
   */
  public ColumnType type(int column) {
    checkIndex(column);
    return types[column];
  }

  /**
   * Adds a value to a numeric or timestamp column (epoch microseconds) in the current row. NaN and
   * infinities are counted apart, as in {@link Profiles#of}.
   *
   * @param column the column index
   * @param value the value
   * @throws IllegalArgumentException if the column is categorical or boolean
   */
  public void add(int column, double value) {
    checkIndex(column);
    if (!numeric[column]) {
      throw new IllegalArgumentException("column '" + names[column] + "' is " + types[column]
          + ", not numeric; got the number " + value);
    }
    nonNull[column]++;
    if (Double.isNaN(value)) {
      nans[column]++;
    } else if (Double.isInfinite(value)) {
      infinities[column]++;
    } else {
      long finite = nonNull[column] - nans[column] - infinities[column];
      double d = value - mean[column];
      mean[column] += d / finite;
      m2[column] += d * (value - mean[column]);
      if (value < min[column]) {
        min[column] = value;
      }
      if (value > max[column]) {
        max[column] = value;
      }
      quantiles[column].update(value);
    }
  }

  /**
   * Adds a value to a categorical or boolean column ({@code "true"}/{@code "false"}) in the current
   * row; {@code null} leaves it null.
   *
   * @param column the column index
   * @param value the value, or null
   * @throws IllegalArgumentException if the column is numeric or a boolean column gets another text
   */
  public void add(int column, String value) {
    checkIndex(column);
    if (value == null) {
      return;
    }
    if (numeric[column]) {
      throw new IllegalArgumentException("column '" + names[column] + "' is " + types[column]
          + ", not categorical; got the text \"" + value + '"');
    }
    if (types[column] == ColumnType.BOOLEAN && !value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("column '" + names[column] + "' is BOOLEAN; expected \"true\" or \"false\", got \""
          + value + '"');
    }
    nonNull[column]++;
    // Count exactly first: one hash lookup per value instead of two sketch updates (HLL hashes the
    // UTF-8 bytes). The counts go into the sketches in bulk, which gives the same sketches.
    Map<String, long[]> counts = pendingCounts.get(column);
    long[] c = counts.get(value);
    if (c != null) {
      c[0]++;
    } else {
      if (counts.size() == BUFFERED_DISTINCT) {
        flush(column);
      }
      counts.put(value, new long[] {1});
    }
  }

  private void flush(int column) {
    Map<String, long[]> counts = pendingCounts.get(column);
    ItemsSketch<String> sketch = items.get(column);
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      sketch.update(e.getKey(), e.getValue()[0]);
      distinct[column].update(e.getKey());
    }
    counts.clear();
  }

  /**
   * Adds a value of any supported Java type: {@code null}, a {@link Number} or {@link Instant}
   * (numeric and timestamp columns), a {@link CharSequence}, {@link Enum} or {@link Boolean}
   * (categorical and boolean columns).
   *
   * @param column the column index
   * @param value the value, or null
   * @throws IllegalArgumentException if the value does not suit the column's type
   */
  public void addObject(int column, Object value) {
    checkIndex(column);
    if (value == null) {
      return;
    }
    if (numeric[column]) {
      if (value instanceof Number num) {
        add(column, num.doubleValue());
      } else if (value instanceof Instant t && types[column] == ColumnType.TIMESTAMP) {
        add(column, t.getEpochSecond() * 1_000_000.0 + t.getNano() / 1000);
      } else {
        throw new IllegalArgumentException("column '" + names[column] + "' is " + types[column]
            + "; expected a number, got " + value.getClass().getSimpleName() + " " + value);
      }
    } else if (value instanceof Boolean || value instanceof CharSequence || value instanceof Enum<?>) {
      add(column, value.toString());
    } else {
      throw new IllegalArgumentException("column '" + names[column] + "' is " + types[column]
          + "; expected text, got " + value.getClass().getSimpleName() + " " + value);
    }
  }

  /** Ends the current row: columns that got no value in it count as null. */
  public void endRow() {
    rows++;
  }

  /** @return the number of rows ended so far */
  public long rowCount() {
    return rows;
  }

  /**
   * Returns the profile of the rows so far (the accumulator keeps accumulating).
   *
   * @return an immutable profile
   * @throws IllegalStateException if a column got more values than there were rows
   */
  public TableProfile toProfile() {
    List<ColumnProfile> columns = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      if (nonNull[i] > rows) {
        throw new IllegalStateException("column '" + names[i] + "' got " + nonNull[i] + " values in " + rows
            + " rows; call endRow() after each row");
      }
      long nulls = rows - nonNull[i];
      if (numeric[i]) {
        long finite = nonNull[i] - nans[i] - infinities[i];
        columns.add(new NumericColumnProfile(names[i], types[i], rows, nulls, nans[i], infinities[i], finite,
            mean[i], m2[i], min[i], max[i], quantiles[i]));
      } else {
        flush(i);
        columns.add(new CategoricalColumnProfile(names[i], types[i], rows, nulls, items.get(i), distinct[i]));
      }
    }
    return new Profiles.SimpleTableProfile(rows, columns);
  }

  private void checkIndex(int column) {
    if (column < 0 || column >= names.length) {
      throw new IndexOutOfBoundsException("column index " + column + " is not in [0, " + names.length + ")");
    }
  }
}
