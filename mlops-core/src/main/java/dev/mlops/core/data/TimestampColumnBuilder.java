package dev.mlops.core.data;

import dev.mlops.api.data.TimestampColumn;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;

/** Appends instants to a {@link TimestampColumn} (microsecond precision); single use. */
public final class TimestampColumnBuilder {
  private final String name;
  private long[] micros;
  private int size;
  private BitSet nulls;
  private boolean built;

  TimestampColumnBuilder(String name, int expectedSize) {
    this.name = Columns.checkName(name);
    this.micros = new long[Math.max(16, expectedSize)];
  }

  /**
   * Appends an instant, or a null when {@code instant} is null. Nanoseconds below the microsecond
   * are dropped (rounded toward the past).
   *
   * @param instant the instant or null
   * @return this builder
   * @throws IllegalArgumentException if the instant is beyond the microsecond range (about
   *     292,000 years from 1970)
   */
  public TimestampColumnBuilder add(Instant instant) {
    if (instant == null) {
      return addNull();
    }
    return addEpochMicros(Timestamps.toEpochMicros(instant));
  }

  /**
   * Appends microseconds since the epoch.
   *
   * @param epochMicros the instant in epoch microseconds
   * @return this builder
   */
  public TimestampColumnBuilder addEpochMicros(long epochMicros) {
    checkNotBuilt();
    if (size == micros.length) {
      micros = Arrays.copyOf(micros, Columns.grownCapacity(micros.length));
    }
    micros[size++] = epochMicros;
    return this;
  }

  /**
   * Appends a null.
   *
   * @return this builder
   */
  public TimestampColumnBuilder addNull() {
    checkNotBuilt();
    if (nulls == null) {
      nulls = new BitSet(micros.length);
    }
    nulls.set(size);
    return addEpochMicros(0L);
  }

  /**
   * Returns the number of values appended so far.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Builds the column.
   *
   * @return the column
   * @throws IllegalStateException if already built
   */
  public TimestampColumn build() {
    checkNotBuilt();
    built = true;
    long[] exact = micros.length == size ? micros : Arrays.copyOf(micros, size);
    micros = null;
    return new ArrayTimestampColumn(name, exact, size, Columns.compact(nulls));
  }

  private void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("builder of column '" + name + "' was already built");
    }
  }
}
