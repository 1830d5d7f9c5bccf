package dev.mlops.core.data;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.BooleanColumn;
import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.TimestampColumn;
import java.time.Instant;
import java.util.BitSet;

/**
 * Static factories for columns, from arrays or through builders.
 *
 * <pre>{@code
 * NumericColumn income = Columns.numeric("income", 52_000, 61_500, Double.NaN);
 * CategoricalColumn city = Columns.categorical("city", "Lyon", null, "Zürich");
 * }</pre>
 */
public final class Columns {
  private Columns() {}

  /**
   * Returns a numeric (non-integral) column with no nulls; {@code NaN}s are values.
   *
   * @param name the column name, non-empty
   * @param values the values (copied)
   * @return the column
   */
  public static NumericColumn numeric(String name, double... values) {
    requireNonNull(values, "values");
    return new ArrayNumericColumn(name, values.clone(), values.length, null, false);
  }

  /**
   * Returns an integral column with no nulls.
   *
   * @param name the column name, non-empty
   * @param values the values (converted to double; exact up to 2<sup>53</sup> in magnitude)
   * @return the column
   * @throws IllegalArgumentException if a value's magnitude exceeds 2<sup>53</sup>, where doubles
   *     can no longer hold every whole number exactly
   */
  public static NumericColumn integral(String name, long... values) {
    requireNonNull(values, "values");
    double[] copy = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(values[i]) > (1L << 53)) {
        throw new IllegalArgumentException("column '" + name + "' row " + i + ": " + values[i]
            + " cannot be held exactly as a double (|value| must be <= 2^53)");
      }
      copy[i] = values[i];
    }
    return new ArrayNumericColumn(name, copy, copy.length, null, true);
  }

  /**
   * Returns a categorical column; null elements are null values.
   *
   * @param name the column name, non-empty
   * @param values the values
   * @return the column
   */
  public static CategoricalColumn categorical(String name, String... values) {
    requireNonNull(values, "values");
    CategoricalColumnBuilder builder = categoricalBuilder(name, values.length);
    for (String v : values) {
      builder.add(v);
    }
    return builder.build();
  }

  /**
   * Returns a boolean column with no nulls.
   *
   * @param name the column name, non-empty
   * @param values the values
   * @return the column
   */
  public static BooleanColumn bool(String name, boolean... values) {
    requireNonNull(values, "values");
    BooleanColumnBuilder builder = booleanBuilder(name, values.length);
    for (boolean v : values) {
      builder.add(v);
    }
    return builder.build();
  }

  /**
   * Returns a timestamp column; null elements are null values.
   *
   * @param name the column name, non-empty
   * @param values the instants
   * @return the column
   */
  public static TimestampColumn timestamp(String name, Instant... values) {
    requireNonNull(values, "values");
    TimestampColumnBuilder builder = timestampBuilder(name, values.length);
    for (Instant v : values) {
      builder.add(v);
    }
    return builder.build();
  }

  /**
   * Returns a builder of a numeric column.
   *
   * @param name the column name, non-empty
   * @return a new builder
   */
  public static NumericColumnBuilder numericBuilder(String name) {
    return new NumericColumnBuilder(name, 16);
  }

  /**
   * Returns a builder of a numeric column sized for about {@code expectedSize} values.
   *
   * @param name the column name, non-empty
   * @param expectedSize the expected number of values, {@code >= 0}
   * @return a new builder
   */
  public static NumericColumnBuilder numericBuilder(String name, int expectedSize) {
    return new NumericColumnBuilder(name, checkExpectedSize(expectedSize));
  }

  /**
   * Returns a builder of a categorical column.
   *
   * @param name the column name, non-empty
   * @return a new builder
   */
  public static CategoricalColumnBuilder categoricalBuilder(String name) {
    return new CategoricalColumnBuilder(name, 16);
  }

  /**
   * Returns a builder of a categorical column sized for about {@code expectedSize} values.
   *
   * @param name the column name, non-empty
   * @param expectedSize the expected number of values, {@code >= 0}
   * @return a new builder
   */
  public static CategoricalColumnBuilder categoricalBuilder(String name, int expectedSize) {
    return new CategoricalColumnBuilder(name, checkExpectedSize(expectedSize));
  }

  /**
   * Returns a builder of a boolean column.
   *
   * @param name the column name, non-empty
   * @return a new builder
   */
  public static BooleanColumnBuilder booleanBuilder(String name) {
    return new BooleanColumnBuilder(name, 64);
  }

  /**
   * Returns a builder of a boolean column sized for about {@code expectedSize} values.
   *
   * @param name the column name, non-empty
   * @param expectedSize the expected number of values, {@code >= 0}
   * @return a new builder
   */
  public static BooleanColumnBuilder booleanBuilder(String name, int expectedSize) {
    return new BooleanColumnBuilder(name, checkExpectedSize(expectedSize));
  }

  /**
   * Returns a builder of a timestamp column.
   *
   * @param name the column name, non-empty
   * @return a new builder
   */
  public static TimestampColumnBuilder timestampBuilder(String name) {
    return new TimestampColumnBuilder(name, 16);
  }

  /**
   * Returns a builder of a timestamp column sized for about {@code expectedSize} values.
   *
   * @param name the column name, non-empty
   * @param expectedSize the expected number of values, {@code >= 0}
   * @return a new builder
   */
  public static TimestampColumnBuilder timestampBuilder(String name, int expectedSize) {
    return new TimestampColumnBuilder(name, checkExpectedSize(expectedSize));
  }

  static String checkName(String name) {
    requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a column name must not be empty");
    }
    return name;
  }

  private static int checkExpectedSize(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must be >= 0, was " + expectedSize);
    }
    return expectedSize;
  }

  /** A copy of a bitset without trailing zero words, or null for null. */
  static BitSet compact(BitSet bits) {
    return bits == null ? null : BitSet.valueOf(bits.toLongArray());
  }

  /** Next capacity of a growable array: 1.5x, capped below the VM's array limit. */
  static int grownCapacity(int current) {
    int max = Integer.MAX_VALUE - 8;
    if (current >= max) {
      throw new IllegalStateException("a column cannot hold more than " + max + " rows");
    }
    long next = (long) current + (current >> 1) + 16;
    return (int) Math.min(next, max);
  }
}
