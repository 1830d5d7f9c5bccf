package dev.mlops.api.data;

import java.time.Instant;

/**
 * A column of instants, stored as microseconds since 1970-01-01T00:00:00Z (the precision of
 * Parquet's and Arrow's {@code TIMESTAMP(MICROS)}; the range covers years -290308 to 294247).
 */
public non-sealed interface TimestampColumn extends Column {

  /**
   * Returns the value at {@code row} in microseconds since the epoch.
   *
   * @param row a row index in {@code [0, size())}
   * @return the epoch microseconds; {@code 0} for a null row (use {@link #isNull(int)} to tell)
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  long getEpochMicros(int row);

  /**
   * Returns the value at {@code row} as an {@link Instant}.
   *
   * @param row a row index in {@code [0, size())}
   * @return the instant, or null for a null row
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  default Instant getInstant(int row) {
    if (isNull(row)) {
      return null;
    }
    long micros = getEpochMicros(row);
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  @Override
  default ColumnType type() {
    return ColumnType.TIMESTAMP;
  }

  @Override
  default Object get(int row) {
    return getInstant(row);
  }
}
