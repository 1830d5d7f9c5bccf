package dev.mlops.core.data;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Builds one column from Java objects (record components, bean properties, map values), mapping
 * Java types to column types:
 *
 * <ul>
 *   <li>{@code byte, short, int, long}, their boxes, {@code BigInteger}, {@code OptionalInt},
 *       {@code OptionalLong}: INTEGRAL;
 *   <li>{@code float, double}, their boxes, {@code BigDecimal}, other {@code Number}s,
 *       {@code OptionalDouble}: NUMERIC;
 *   <li>{@code boolean}, {@code Boolean}: BOOLEAN;
 *   <li>{@code CharSequence}, {@code char}, {@code Character}, enums (by {@code name()}),
 *       {@code UUID}: CATEGORICAL;
 *   <li>{@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code java.util.Date},
 *       and {@code LocalDateTime}/{@code LocalDate} read in UTC: TIMESTAMP.
 * </ul>
 */
final class ObjectColumn {
  static final String SUPPORTED = "numbers, booleans, strings, chars, enums, UUIDs, java.time instants and"
      + " dates, java.util.Date, and Optional/OptionalInt/OptionalLong/OptionalDouble of those";

  private final String name;
  private final ColumnType type;
  private NumericColumnBuilder numeric;
  private CategoricalColumnBuilder categorical;
  private BooleanColumnBuilder bool;
  private TimestampColumnBuilder timestamp;

  ObjectColumn(String name, ColumnType type, int expectedSize) {
    this.name = name;
    this.type = type;
    switch (type) {
      case INTEGRAL, NUMERIC -> numeric = Columns.numericBuilder(name, expectedSize).integralIf(type == ColumnType.INTEGRAL);
      case CATEGORICAL -> categorical = Columns.categoricalBuilder(name, expectedSize);
      case BOOLEAN -> bool = Columns.booleanBuilder(name, expectedSize);
      case TIMESTAMP -> timestamp = Columns.timestampBuilder(name, expectedSize);
    }
  }

  /** Returns the column type of values of {@code c}, or null when it is not supported. */
  static ColumnType typeOf(Class<?> c) {
    if (c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class
        || c == Long.class || c == Short.class || c == Byte.class || c == BigInteger.class
        || c == OptionalInt.class || c == OptionalLong.class) {
      return ColumnType.INTEGRAL;
    }
    if (c == double.class || c == float.class || Number.class.isAssignableFrom(c) || c == OptionalDouble.class) {
      return ColumnType.NUMERIC;
    }
    if (c == boolean.class || c == Boolean.class) {
      return ColumnType.BOOLEAN;
    }
    if (CharSequence.class.isAssignableFrom(c) || c == char.class || c == Character.class || c.isEnum()
        || c == UUID.class) {
      return ColumnType.CATEGORICAL;
    }
    if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class || c == LocalDateTime.class
        || c == LocalDate.class || Date.class.isAssignableFrom(c)) {
      return ColumnType.TIMESTAMP;
    }
    return null;
  }

  /** Appends {@code value} (null, or an instance of a type mapped to this column's type). */
  void add(Object value) {
    Object v = unwrap(value);
    if (v == null) {
      switch (type) {
        case INTEGRAL, NUMERIC -> numeric.addNull();
        case CATEGORICAL -> categorical.addNull();
        case BOOLEAN -> bool.addNull();
        case TIMESTAMP -> timestamp.addNull();
      }
      return;
    }
    switch (type) {
      case INTEGRAL, NUMERIC -> numeric.add(toDouble(v));
      case CATEGORICAL -> categorical.add(v instanceof Enum<?> e ? e.name() : v.toString());
      case BOOLEAN -> bool.add((Boolean) v);
      case TIMESTAMP -> timestamp.add(toInstant(v));
    }
  }

  private static Object unwrap(Object value) {
    if (value instanceof Optional<?> o) {
      return o.orElse(null);
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? (Object) o.getAsInt() : null;
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? (Object) o.getAsLong() : null;
    }
    if (value instanceof OptionalDouble o) {
      return o.isPresent() ? (Object) o.getAsDouble() : null;
    }
    return value;
  }

  private double toDouble(Object v) {
    if (v instanceof Long l && Math.abs(l) > (1L << 53)) {
      throw new IllegalArgumentException("value " + l + " of '" + name
          + "' cannot be held exactly as a double (|value| must be <= 2^53)");
    }
    if (v instanceof BigInteger b && b.abs().bitLength() > 53) {
      throw new IllegalArgumentException("value " + b + " of '" + name
          + "' cannot be held exactly as a double (|value| must be <= 2^53)");
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    return ((Number) v).doubleValue();
  }

  private static Instant toInstant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (v instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (v instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return ((Date) v).toInstant();
  }

  Column build() {
    return switch (type) {
      case INTEGRAL, NUMERIC -> numeric.build();
      case CATEGORICAL -> categorical.build();
      case BOOLEAN -> bool.build();
      case TIMESTAMP -> timestamp.build();
    };
  }
}
